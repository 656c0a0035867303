// A bank's branches (网点): added, edited and removed inside the bank; each change is a bank.updated.
import type { BankScope } from '@lianxin/platform/auth';
import { notFound } from '@lianxin/platform/http';
import { newEvent } from '@lianxin/platform/messaging';
import { Types } from 'mongoose';
import { bankSnapshot, type Bank, type Branch } from '../banks/bank.ts';
import type { BanksDeps } from '../deps.ts';

export type BranchInput = { name: string; address: string; phone?: string | null | undefined };

const noBranch = () => notFound({ zh: '网点不存在', en: 'No such branch' });

function withBranches(deps: BanksDeps, bank: Bank, branches: Branch[]) {
  const next: Bank = { ...bank, branches, updatedAt: deps.now().toISOString() };
  return { next, events: [newEvent('bank.updated', bankSnapshot(next))] };
}

export async function addBranch(
  deps: BanksDeps,
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
    withBranches(deps, bank, [...bank.branches, branch]),
  );
  return branch;
}

export async function updateBranch(
  deps: BanksDeps,
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
    return withBranches(deps, current, branches);
  });
  const updated = bank.branches.find((b) => b.id === branchId);
  if (!updated) throw noBranch();
  return updated;
}

export async function removeBranch(
  deps: BanksDeps,
  scope: BankScope,
  bankId: string,
  branchId: string,
): Promise<void> {
  await deps.banks.change(scope, bankId, (bank) => {
    if (!bank.branches.some((b) => b.id === branchId)) throw noBranch();
    return withBranches(
      deps,
      bank,
      bank.branches.filter((b) => b.id !== branchId),
    );
  });
}
