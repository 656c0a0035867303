// Codes that describe a partner bank and its liaisons.
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

/** The county branches a county anti-fraud center partners with, grouped as bank staff group them. */
export const BankType = labelledEnum({
  state_owned: { zh: '国有大型商业银行', en: 'State-owned bank' },
  joint_stock: { zh: '股份制商业银行', en: 'Joint-stock bank' },
  city_commercial: { zh: '城市商业银行', en: 'City commercial bank' },
  rural_commercial: { zh: '农村商业银行', en: 'Rural commercial bank' },
  postal_savings: { zh: '邮政储蓄银行', en: 'Postal savings bank' },
  other: { zh: '其他', en: 'Other' },
});
export type BankType = z.infer<typeof BankType>;

/** Only active partners can be invited to a bank forum. */
export const PartnershipStatus = labelledEnum({
  active: { zh: '合作中', en: 'Active' },
  suspended: { zh: '已暂停', en: 'Suspended' },
});
export type PartnershipStatus = z.infer<typeof PartnershipStatus>;

/** A bank has one or two liaisons: a primary and, optionally, a backup. */
export const LiaisonRole = labelledEnum({
  primary: { zh: '主联络员', en: 'Primary liaison' },
  backup: { zh: '副联络员', en: 'Backup liaison' },
});
export type LiaisonRole = z.infer<typeof LiaisonRole>;
