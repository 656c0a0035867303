// Edits a bank's details; announced as bank.updated with the new snapshot.
import type { BankScope } from '@lianxin/platform/auth';
import { newEvent } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { bankSnapshot, type Bank } from './bank.ts';
import type { RegisterBankInput } from './register-bank.ts';

export type UpdateBankInput = Partial<RegisterBankInput>;

export function updateBank(
  deps: Deps,
  scope: BankScope,
  id: string,
  patch: UpdateBankInput,
): Promise<Bank> {
  return deps.banks.change(scope, id, (bank) => {
    const next: Bank = {
      ...bank,
      code: patch.code ?? bank.code,
      name: patch.name ? { zh: patch.name.zh, en: patch.name.en ?? null } : bank.name,
      shortName: patch.shortName ?? bank.shortName,
      type: patch.type ?? bank.type,
      district: patch.district ?? bank.district,
      address: patch.address ?? bank.address,
      partnerSince: patch.partnerSince === undefined ? bank.partnerSince : patch.partnerSince,
      notes: patch.notes === undefined ? bank.notes : patch.notes,
      updatedAt: deps.now().toISOString(),
    };
    return { next, events: [newEvent('bank.updated', bankSnapshot(next))] };
  });
}
