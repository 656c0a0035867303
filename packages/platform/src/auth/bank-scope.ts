// BankScope: the filter every query on bank-owned data must carry, obtainable only from a verified principal.
import { forbidden, notFound } from '../errors/app-error.ts';
import type { Principal, StaffPrincipal } from './principal.ts';

// Not exported: no other module can write an object with this key, so a BankScope can only
// come from `bankScope` or `allBanks`. A repository function for bank-owned data takes a
// `BankScope` parameter, and forgetting it is a compile-time error.
const brand: unique symbol = Symbol('BankScope');

export type BankFilter = { readonly bankId: string } | { readonly bankId?: never };

export interface BankScope {
  readonly [brand]: true;
  /** The one bank visible, or `undefined` when all banks are. */
  readonly bankId: string | undefined;
  /** Spread into every query: `{ ...scope.filter(), _id }` → `{ bankId }` for a liaison, `{}` otherwise. */
  filter(): BankFilter;
  /** Whether an object owned by `bankId` is visible in this scope. */
  allows(bankId: string): boolean;
}

function scopeFor(bankId: string | undefined): BankScope {
  return Object.freeze({
    [brand]: true as const,
    bankId,
    filter: (): BankFilter => (bankId === undefined ? {} : { bankId }),
    allows: (candidate: string) => bankId === undefined || candidate === bankId,
  });
}

/** The scope a principal works in: a liaison sees their own bank, everyone else all banks. */
export function bankScope(principal: Principal): BankScope {
  return scopeFor(principal.role === 'liaison' ? principal.bankId : undefined);
}

/**
 * All banks, stated explicitly for code paths that are staff-only. The parameter type already
 * excludes a liaison; the runtime check covers a principal whose type was widened.
 */
export function allBanks(principal: StaffPrincipal): BankScope {
  const role: string = principal.role;
  if (role === 'liaison') throw forbidden();
  return scopeFor(undefined);
}

/**
 * Throws 404 when `bankId` is outside the scope: a liaison asking for another bank's object
 * must not learn that it exists.
 */
export function assertInScope(scope: BankScope, bankId: string): void {
  if (!scope.allows(bankId)) throw notFound();
}
