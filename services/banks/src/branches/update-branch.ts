// Edits a branch of a bank; an unknown branch is a 404.
import type { BankScope } from '@lianxin/platform/auth';
import type { Branch } from '../banks/bank.ts';
import { noBranch, withBranches, type BranchInput } from './branch.rules.ts';
import type { Deps } from '../shared/deps.ts';

export async function updateBranch(
  deps: Deps,
  scope: BankScope,
  bankId: string,
  branchId: string,
  patch: Partial<BranchInput>,
): Promise<Branch> {
  const bank = await deps.banks.change(scope, bankId, (current) => {
    if (!current.branches.some((b) => b.id === branchId)) throw noBranch();
    const branches = current.branches.map((b) =>
      b.id === branchId
        ? {
            ...b,
            name: patch.name ?? b.name,
            address: patch.address ?? b.address,
            phone: patch.phone === undefined ? b.phone : patch.phone,
          }
        : b,
    );
    return withBranches(current, branches, deps.now());
  });
  const updated = bank.branches.find((b) => b.id === branchId);
  if (!updated) throw noBranch();
  return updated;
}
