// Use case: one registration as the caller may see it — a liaison only their own bank's (another bank's is 404).
import { bankScope, type Principal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import { placed, type PlacedRegistration } from './list-bank-registrations.ts';
import { registrationNotFound } from './registration.rules.ts';

export async function findRegistration(
  deps: Deps,
  principal: Principal,
  registrationId: string,
): Promise<PlacedRegistration> {
  const reg = await deps.bankRegistrations.findInScope(registrationId, bankScope(principal));
  if (reg === null) throw registrationNotFound();
  const [one] = await placed(deps, [reg]);
  if (one === undefined) throw registrationNotFound();
  return one;
}
