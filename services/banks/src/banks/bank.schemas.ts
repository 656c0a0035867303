// Request and response schemas of the banks API: one zod schema gives validation, types and OpenAPI.
import {
  BankCode,
  BankType,
  Email,
  Instant,
  LiaisonRole,
  Mobile,
  NonEmptyText,
  ObjectIdString,
  PageQuery,
  Paginated,
  PartnershipStatus,
  PersonName,
} from '@lianxin/contracts';
import { z } from 'zod';

const CalendarDate = z.iso.date({ error: 'Expected a date as YYYY-MM-DD' });
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { error: 'Expected a telephone number' });

export const BankParams = z.strictObject({ bankId: ObjectIdString });
export const BranchParams = BankParams.extend({ branchId: ObjectIdString });
export const LiaisonParams = BankParams.extend({ liaisonId: ObjectIdString });

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

const branchFields = {
  name: NonEmptyText(100),
  address: NonEmptyText(200),
  phone: Phone.nullable().optional(),
};
export const BranchBody = z.strictObject(branchFields);
export const UpdateBranchBody = z
  .strictObject(branchFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'Nothing to change' });
export const BranchDto = z.object({
  id: ObjectIdString,
  name: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
});

export const AddLiaisonBody = z.strictObject({
  name: PersonName,
  mobile: Mobile,
  email: Email,
  title: NonEmptyText(50).nullable().optional(),
  role: LiaisonRole.optional(),
});
export const UpdateLiaisonBody = AddLiaisonBody.partial().refine((b) => Object.keys(b).length > 0, {
  error: 'Nothing to change',
});
export const LiaisonDto = z.object({
  id: ObjectIdString,
  name: z.string(),
  /** Masked (138****5678) except for coordinators and the liaison themself. */
  mobile: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  role: LiaisonRole,
  active: z.boolean(),
  addedAt: Instant,
  removedAt: Instant.nullable(),
});
