// Applies lianxin.banks.v1 events to the bank and liaison read model, each only if newer than what it holds.
import { pickEvents } from '@lianxin/contracts';
import { applyIfNewer, type EventOf } from '@lianxin/platform/messaging';
import type { Connection } from 'mongoose';
import { BANK_VIEW, LIAISON_VIEW } from './bank-view.model.ts';

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

/**
 * Bank events carry the whole bank; liaison events carry the whole liaison (the bank is the
 * subject, so the bank's sequence orders them). A liaison document keeps the sequence of the
 * bank event that last changed it, which only grows for that liaison, so replays are no-ops.
 * Contact details a check does not need (the mobile) are not kept.
 */
export async function applyBankEvent(conn: Connection, event: BankEvent): Promise<void> {
  switch (event.type) {
    case 'bank.registered':
    case 'bank.updated':
    case 'bank.suspended':
    case 'bank.reactivated': {
      const { id, ...fields } = event.data;
      await applyIfNewer(conn, BANK_VIEW, id, event.sequence, fields);
      return;
    }
    case 'liaison.added':
    case 'liaison.updated': {
      const d = event.data;
      await applyIfNewer(conn, LIAISON_VIEW, d.liaisonId, event.sequence, {
        bankId: d.bankId,
        name: d.name,
        email: d.email,
        role: d.role,
        active: d.active,
        removed: false,
      });
      return;
    }
    case 'liaison.removed':
      await applyIfNewer(conn, LIAISON_VIEW, event.data.liaisonId, event.sequence, {
        bankId: event.data.bankId,
        name: null,
        email: null,
        role: null,
        active: false,
        removed: true,
      });
      return;
  }
}
