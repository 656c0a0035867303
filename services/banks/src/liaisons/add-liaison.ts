// Adds a liaison (联络员) to a bank: at most two active, one primary, contact details unique among active liaisons.
import type { LiaisonRole } from '@lianxin/contracts';
import type { BankScope } from '@lianxin/platform/auth';
import { newEvent } from '@lianxin/platform/messaging';
import { Types } from 'mongoose';
import { liaisonSnapshot, type Bank, type Liaison } from '../banks/bank.ts';
import type { Deps } from '../shared/deps.ts';
import { colleagueEvents } from './liaison.events.ts';
import { addLiaison } from './liaison.rules.ts';

export interface AddLiaisonInput {
  name: string;
  mobile: string;
  email: string;
  title?: string | null | undefined;
  role?: LiaisonRole | undefined;
}

export async function addLiaisonToBank(
  deps: Deps,
  scope: BankScope,
  bankId: string,
  input: AddLiaisonInput,
): Promise<Liaison> {
  const id = new Types.ObjectId().toHexString();
  await deps.reservations.reserve(bankId, id, { mobile: input.mobile, email: input.email });
  let bank: Bank;
  try {
    bank = await deps.banks.change(scope, bankId, (current) => {
      const now = deps.now().toISOString();
      const person = {
        id,
        name: input.name,
        mobile: input.mobile,
        email: input.email,
        title: input.title ?? null,
        addedAt: now,
      };
      const { liaisons, alsoChanged } = addLiaison(current.liaisons, person, input.role);
      const next: Bank = { ...current, liaisons, updatedAt: now };
      const added = liaisons.find((l) => l.id === id);
      if (!added) throw new Error('unreachable: the added liaison is in the list');
      return {
        next,
        events: [
          newEvent('liaison.added', liaisonSnapshot(bankId, added)),
          ...colleagueEvents(next, alsoChanged),
        ],
      };
    });
  } catch (err) {
    await deps.reservations.release(id);
    throw err;
  }
  const added = bank.liaisons.find((l) => l.id === id);
  if (!added) throw new Error('unreachable: the added liaison is in the bank');
  return added;
}
