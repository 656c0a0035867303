// Adds a branch to a bank.
import type { BankScope } from '@lianxin/platform/auth';
import { Types } from 'mongoose';
import type { Branch } from '../banks/bank.ts';
import { withBranches, type BranchInput } from './branch.rules.ts';
import type { Deps } from '../shared/deps.ts';

export async function addBranch(
  deps: Deps,
  scope: BankScope,
  bankId: string,
  input: BranchInput,
): Promise<Branch> {
  const branch: Branch = {
    id: new Types.ObjectId().toHexString(),
    name: input.name,
    address: input.address,
    phone: input.phone ?? null,
  };
  await deps.banks.change(scope, bankId, (bank) =>
    withBranches(bank, [...bank.branches, branch], deps.now()),
  );
  return branch;
}
