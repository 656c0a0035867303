// A bank's branches (网点) live inside the bank: each change replaces the list and is one bank.updated.
import { notFound } from '@lianxin/platform/errors';
import type { PendingEvent } from '@lianxin/platform/messaging';
import { newEvent } from '@lianxin/platform/messaging';
import { bankSnapshot, type Bank, type Branch } from '../banks/bank.ts';

export type BranchInput = { name: string; address: string; phone?: string | null | undefined };

export const noBranch = () => notFound({ zh: '网点不存在', en: 'No such branch' });

export function withBranches(
  bank: Bank,
  branches: Branch[],
  now: Date,
): { next: Bank; events: PendingEvent[] } {
  const next: Bank = { ...bank, branches, updatedAt: now.toISOString() };
  return { next, events: [newEvent('bank.updated', bankSnapshot(next))] };
}
