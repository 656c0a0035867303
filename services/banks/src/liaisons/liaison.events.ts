// The events of a liaison change: one for the liaison itself, one for each colleague whose role moved with it.
import type { PendingEvent } from '@lianxin/platform/messaging';
import { newEvent } from '@lianxin/platform/messaging';
import { liaisonSnapshot, type Bank } from '../banks/bank.ts';

export function colleagueEvents(bank: Bank, ids: string[]): PendingEvent[] {
  return bank.liaisons
    .filter((l) => ids.includes(l.id))
    .map((l) => newEvent('liaison.updated', liaisonSnapshot(bank.id, l)));
}

export function liaisonOf(bank: Bank, id: string) {
  return bank.liaisons.find((l) => l.id === id);
}
