// Removes a branch from a bank; an unknown branch is a 404.
import type { BankScope } from '@lianxin/platform/auth';
import { noBranch, withBranches } from './branch.rules.ts';
import type { Deps } from '../shared/deps.ts';

export async function removeBranch(
  deps: Deps,
  scope: BankScope,
  bankId: string,
  branchId: string,
): Promise<void> {
  await deps.banks.change(scope, bankId, (bank) => {
    if (!bank.branches.some((b) => b.id === branchId)) throw noBranch();
    return withBranches(
      bank,
      bank.branches.filter((b) => b.id !== branchId),
      deps.now(),
    );
  });
}
