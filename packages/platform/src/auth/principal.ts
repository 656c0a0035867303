// The verified caller: token claims as a zod schema, with bankId required for a liaison and forbidden otherwise.
import { z } from 'zod';
import { StaffRole } from './roles.ts';

// Ids are opaque strings here (ObjectId hex, uuid or slug); contracts may narrow them later.
export const BankId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be an id of 1-64 [A-Za-z0-9_-]' });
const Subject = z.string().min(1).max(128);
const DisplayName = z.string().trim().min(1).max(100);

/** The claims Lianxin reads from a token; other registered claims are checked by jose and dropped. */
export const TokenClaims = z.discriminatedUnion('role', [
  z.object({ sub: Subject, role: z.literal('liaison'), bankId: BankId, name: DisplayName }),
  z.object({ sub: Subject, role: StaffRole, bankId: z.never().optional(), name: DisplayName }),
]);

export type Principal = z.output<typeof TokenClaims>;
export type LiaisonPrincipal = Extract<Principal, { role: 'liaison' }>;
export type StaffPrincipal = Exclude<Principal, LiaisonPrincipal>;
/** What `mint` accepts: the same rules, checked before signing. */
export type PrincipalInput = z.input<typeof TokenClaims>;
