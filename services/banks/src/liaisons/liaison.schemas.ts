// Request and response schemas of the liaison routes; mobiles are masked in responses unless the viewer may see them.
import {
  Email,
  Instant,
  LiaisonRole,
  Mobile,
  NonEmptyText,
  ObjectIdString,
  PersonName,
} from '@lianxin/contracts';
import { z } from 'zod';
import { BankParams } from '../banks/bank.schemas.ts';

export const LiaisonParams = BankParams.extend({ liaisonId: ObjectIdString });

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
  email: z.email(),
  title: z.string().nullable(),
  role: LiaisonRole,
  active: z.boolean(),
  addedAt: Instant,
  removedAt: Instant.nullable(),
});
