// Request and response schemas of the branch routes.
import { NonEmptyText, ObjectIdString } from '@lianxin/contracts';
import { z } from 'zod';
import { BankParams } from '../banks/bank.schemas.ts';

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { error: 'Expected a telephone number' });

export const BranchParams = BankParams.extend({ branchId: ObjectIdString });

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
