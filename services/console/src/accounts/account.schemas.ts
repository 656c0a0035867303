// zod schemas of the account and sign-in endpoints.
import { Email, PersonName } from '@lianxin/contracts';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './account.rules.ts';

export const AccountView = z.object({
  id: z.string(),
  role: z.enum(['coordinator', 'officer', 'reviewer', 'liaison']),
  bankId: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  language: z.enum(['zh', 'en']),
  status: z.enum(['pending', 'active', 'deactivated']),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof AccountView>;

export const Password = z
  .string()
  .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX);

export const LoginBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  // Not the policy: an old password shorter than today's minimum must still be refused as wrong.
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const ActivateBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'must be the link’s token' }),
  password: Password,
});

export const SessionView = z.object({
  account: AccountView.nullable(),
  /** Sent back as `x-csrf-token` on every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
});

export const CreateAccountBody = z.strictObject({
  role: z.enum(['coordinator', 'officer', 'reviewer']),
  name: PersonName,
  email: Email,
  language: z.enum(['zh', 'en']).default('zh'),
});

export const AccountListQuery = z.strictObject({
  role: z.enum(['coordinator', 'officer', 'reviewer', 'liaison']).optional(),
  status: z.enum(['pending', 'active', 'deactivated']).optional(),
});

export const AccountParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
