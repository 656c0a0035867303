// What the bank read model lets a use case do, as errors: inactive liaisons and banks that are not active partners.
import { conflict, forbidden, type AppError } from '@lianxin/platform/errors';

export const liaisonInactive = (): AppError =>
  forbidden({
    zh: '联络员已停用，不能报名',
    en: 'This liaison is not active and cannot register staff',
  });

export const bankNotActive = (bankIds: string[]): AppError =>
  conflict(
    'BANK_NOT_ACTIVE',
    { zh: '银行不是合作中的伙伴银行', en: 'The bank is not an active partner' },
    bankIds.map((bankId) => ({
      path: 'invitedBankIds',
      rule: 'active_partner',
      message: { zh: `${bankId} 不是合作中的银行`, en: `${bankId} is not an active partner` },
      bankId,
    })),
  );
