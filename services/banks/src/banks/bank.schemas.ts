// Request and response schemas of the bank routes: one zod schema gives validation, types and OpenAPI.
import {
  BankCode,
  BankType,
  Instant,
  NonEmptyText,
  ObjectIdString,
  PageQuery,
  Paginated,
  PartnershipStatus,
} from '@lianxin/contracts';
import { z } from 'zod';

const CalendarDate = z.iso.date({ error: 'Expected a date as YYYY-MM-DD' });

export const BankParams = z.strictObject({ bankId: ObjectIdString });

const bankFields = {
  code: BankCode,
  name: z.strictObject({ zh: NonEmptyText(100), en: NonEmptyText(200).nullable().optional() }),
  shortName: NonEmptyText(30),
  type: BankType,
  district: NonEmptyText(50),
  address: NonEmptyText(200),
  partnerSince: CalendarDate.nullable().optional(),
  notes: NonEmptyText(1000).nullable().optional(),
};

export const RegisterBankBody = z.strictObject(bankFields);
export const UpdateBankBody = z
  .strictObject(bankFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'Nothing to change' });
export const SuspendBankBody = z.strictObject({ reason: NonEmptyText(500) });

export const BankListQuery = PageQuery.extend({
  status: PartnershipStatus.optional(),
  type: BankType.optional(),
  district: NonEmptyText(50).optional(),
  q: NonEmptyText(50).optional(),
});

export const BankDto = z.object({
  id: ObjectIdString,
  code: z.string(),
  name: z.object({ zh: z.string(), en: z.string().nullable() }),
  shortName: z.string(),
  type: BankType,
  district: z.string(),
  address: z.string(),
  status: PartnershipStatus,
  suspension: z.object({ reason: z.string(), suspendedAt: Instant }).nullable(),
  partnerSince: z.string().nullable(),
  notes: z.string().nullable(),
  branchCount: z.int().nonnegative(),
  activeLiaisonCount: z.int().nonnegative(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const BankPage = Paginated(BankDto);
