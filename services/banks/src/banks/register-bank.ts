// Registers a partner bank: active from the start, announced as bank.registered.
import type { BankType } from '@lianxin/contracts';
import { newEvent } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { bankSnapshot, type Bank } from './bank.ts';

export interface RegisterBankInput {
  code: string;
  name: { zh: string; en?: string | null | undefined };
  shortName: string;
  type: BankType;
  district: string;
  address: string;
  partnerSince?: string | null | undefined;
  notes?: string | null | undefined;
}

export async function registerBank(deps: Deps, input: RegisterBankInput): Promise<Bank> {
  const id = deps.banks.newId();
  const now = deps.now().toISOString();
  const bank: Bank = {
    id,
    code: input.code,
    name: { zh: input.name.zh, en: input.name.en ?? null },
    shortName: input.shortName,
    type: input.type,
    district: input.district,
    address: input.address,
    status: 'active',
    suspension: null,
    partnerSince: input.partnerSince ?? null,
    notes: input.notes ?? null,
    branches: [],
    liaisons: [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const { id: _id, version: _v, ...fields } = bank;
  return deps.banks.insert(id, fields, [newEvent('bank.registered', bankSnapshot(bank))]);
}
