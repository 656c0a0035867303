// Tests that a liaison's queries cannot leave their bank: at compile time (BankScope required) and at run time.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { allBanks, assertInScope, bankScope } from './bank-scope.ts';
import type { BankFilter, BankScope } from './bank-scope.ts';
import type { LiaisonPrincipal, Principal, StaffPrincipal } from './principal.ts';

const liaison: Principal = { sub: 'u-1', role: 'liaison', bankId: 'bank-1', name: '李联络' };
const officer: StaffPrincipal = { sub: 'u-2', role: 'officer', name: '张警官' };

interface Branch {
  id: string;
  bankId: string;
}
const branches: Branch[] = [
  { id: 'br-1', bankId: 'bank-1' },
  { id: 'br-2', bankId: 'bank-2' },
];

/** How a repository for bank-owned data is written: the scope is a required parameter. */
function findBranches(scope: BankScope, query: { id?: string } = {}): Branch[] {
  const filter: Partial<Branch> = { ...scope.filter(), ...query };
  return branches.filter(
    (b) =>
      (filter.bankId === undefined || b.bankId === filter.bankId) &&
      (filter.id === undefined || b.id === filter.id),
  );
}

describe('bankScope', () => {
  it('when a repository call omits the scope, then it does not compile', () => {
    const compileOnly = (): Branch[] =>
      // @ts-expect-error — a bank-owned query without a BankScope must not compile.
      findBranches();
    expect(typeof compileOnly).toBe('function');
  });

  it('when someone hand-builds a look-alike scope, then it is not a BankScope', () => {
    const forged = { bankId: undefined, filter: (): BankFilter => ({}), allows: () => true };
    expectTypeOf(forged).not.toExtend<BankScope>();
  });

  it('when allBanks is asked for a liaison, then it does not compile, and throws if types were widened', () => {
    expectTypeOf<LiaisonPrincipal>().not.toExtend<Parameters<typeof allBanks>[0]>();
    const widened = liaison as unknown as StaffPrincipal;
    expect(() => allBanks(widened)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('when the principal is a liaison, then the filter carries their bankId and other banks are not allowed', () => {
    const scope = bankScope(liaison);
    expect(scope.filter()).toEqual({ bankId: 'bank-1' });
    expect(scope.bankId).toBe('bank-1');
    expect(scope.allows('bank-1')).toBe(true);
    expect(scope.allows('bank-2')).toBe(false);
    expect(findBranches(scope).map((b) => b.id)).toEqual(['br-1']);
  });

  it('when a liaison asks for another bank’s object by id, then nothing is found', () => {
    expect(findBranches(bankScope(liaison), { id: 'br-2' })).toEqual([]);
    expect(() => {
      assertInScope(bankScope(liaison), 'bank-2');
    }).toThrow(expect.objectContaining({ status: 404, code: 'NOT_FOUND' }));
  });

  it('when the principal is staff, then the filter is empty and every bank is allowed', () => {
    for (const scope of [bankScope(officer), allBanks(officer)]) {
      expect(scope.filter()).toEqual({});
      expect(scope.bankId).toBeUndefined();
      expect(scope.allows('bank-2')).toBe(true);
      expect(findBranches(scope)).toHaveLength(2);
    }
  });

  it('when a scope exists, then it cannot be changed', () => {
    const scope = bankScope(liaison);
    expect(() => {
      Object.assign(scope, { bankId: 'bank-2' });
    }).toThrow(TypeError);
    expect(scope.filter()).toEqual({ bankId: 'bank-1' });
  });
});
