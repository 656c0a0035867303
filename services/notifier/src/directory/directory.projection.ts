// Applies one lianxin.banks.v1 event to the directory, only if newer than what it holds.
import { pickEvents } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { DirectoryRepository } from './directory.repository.ts';

export const BankEvents = pickEvents(
  'bank.registered',
  'bank.updated',
  'bank.suspended',
  'bank.reactivated',
  'liaison.added',
  'liaison.updated',
  'liaison.removed',
);
export type BankEvent = EventOf<typeof BankEvents>;

/** Liaison events have the bank as subject, so the bank's sequence orders them too; mobiles are not kept. */
export async function applyBankEvent(
  directory: DirectoryRepository,
  event: BankEvent,
): Promise<void> {
  switch (event.type) {
    case 'bank.registered':
    case 'bank.updated':
    case 'bank.suspended':
    case 'bank.reactivated': {
      const d = event.data;
      await directory.applyBank(d.id, event.sequence, {
        shortName: d.shortName,
        name: d.name,
        status: d.status,
      });
      return;
    }
    case 'liaison.added':
    case 'liaison.updated': {
      const d = event.data;
      await directory.applyLiaison(d.liaisonId, event.sequence, {
        bankId: d.bankId,
        name: d.name,
        email: d.email,
        active: d.active,
        removed: false,
      });
      return;
    }
    case 'liaison.removed':
      await directory.applyLiaison(event.data.liaisonId, event.sequence, {
        bankId: event.data.bankId,
        name: null,
        email: null,
        active: false,
        removed: true,
      });
      return;
  }
}
