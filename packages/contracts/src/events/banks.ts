// Events of the banks service: partner banks and their liaisons, as full snapshots other services keep.
import { z } from 'zod';
import { BankType, LiaisonRole, PartnershipStatus } from '../enums/index.ts';
import {
  BankCode,
  Email,
  Instant,
  Mobile,
  NonEmptyText,
  ObjectIdString,
  PersonName,
} from '../values.ts';

// Every event carries the whole current state, so a consumer's projection is a single upsert
// guarded by `sequence`, and it never has to ask the banks service. Absent values are `null`,
// never a missing key, so upserting a snapshot also clears what was cleared.

export const BankName = z.object({
  zh: NonEmptyText(100),
  en: NonEmptyText(200).nullable(),
});
export type BankName = z.infer<typeof BankName>;

export const BankSuspension = z.object({
  reason: NonEmptyText(500),
  suspendedAt: Instant,
});
export type BankSuspension = z.infer<typeof BankSuspension>;

export const BankSnapshot = z.object({
  id: ObjectIdString,
  code: BankCode,
  name: BankName,
  /** What people call it day to day, e.g. 工行香河支行. */
  shortName: NonEmptyText(30),
  type: BankType,
  /** The county district or township the partner branch serves. */
  district: NonEmptyText(50),
  status: PartnershipStatus,
  suspension: BankSuspension.nullable(),
});
export type BankSnapshot = z.infer<typeof BankSnapshot>;

export const BankRegistered = BankSnapshot;
export type BankRegistered = z.infer<typeof BankRegistered>;

export const BankUpdated = BankSnapshot;
export type BankUpdated = z.infer<typeof BankUpdated>;

export const BankSuspended = BankSnapshot.extend({
  status: PartnershipStatus.extract(['suspended']),
  suspension: BankSuspension,
});
export type BankSuspended = z.infer<typeof BankSuspended>;

export const BankReactivated = BankSnapshot.extend({
  status: PartnershipStatus.extract(['active']),
  suspension: z.null(),
});
export type BankReactivated = z.infer<typeof BankReactivated>;

// Liaisons live inside the bank aggregate (at most two, enforced on the one bank document),
// so their events have the bank as subject and travel on the banks topic in the bank's order.

/** Contact details travel with the event because the notifier emails liaisons and outreach checks who may register. */
export const LiaisonSnapshot = z.object({
  bankId: ObjectIdString,
  liaisonId: ObjectIdString,
  name: PersonName,
  mobile: Mobile,
  email: Email,
  /** Job title at the bank, e.g. 运营主管. */
  title: NonEmptyText(50).nullable(),
  role: LiaisonRole,
  /** An inactive liaison keeps their record but receives nothing and registers no one. */
  active: z.boolean(),
});
export type LiaisonSnapshot = z.infer<typeof LiaisonSnapshot>;

export const LiaisonAdded = LiaisonSnapshot;
export type LiaisonAdded = z.infer<typeof LiaisonAdded>;

export const LiaisonUpdated = LiaisonSnapshot;
export type LiaisonUpdated = z.infer<typeof LiaisonUpdated>;

/** Only the ids: a removed liaison's contact details have no reason to keep travelling. */
export const LiaisonRemoved = z.object({
  bankId: ObjectIdString,
  liaisonId: ObjectIdString,
});
export type LiaisonRemoved = z.infer<typeof LiaisonRemoved>;
