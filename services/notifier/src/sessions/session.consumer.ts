// Kafka entry of lianxin.sessions.v1: keep the session and opinion read models, then send what the change calls for.
import { pickEvents } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { announceCancellation, announceReschedule } from './announce-change.ts';
import { inviteBanks } from './invite-banks.ts';

export const SessionEvents = pickEvents(
  'session.scheduled',
  'session.rescheduled',
  'session.cancelled',
  'session.completed',
  'opinion.raised',
  'opinion.updated',
  'opinion.resolved',
);
export type SessionEvent = EventOf<typeof SessionEvents>;

/**
 * The projection first, the emails after: a redelivered event finds the model already applied
 * and plans the same deliveries again, which the delivery ids turn into no-ops.
 */
export async function handleSessionEvent(deps: Deps, event: SessionEvent): Promise<void> {
  switch (event.type) {
    case 'session.scheduled':
    case 'session.rescheduled':
    case 'session.cancelled':
    case 'session.completed': {
      const d = event.data;
      await deps.sessions.apply(
        d.id,
        event.sequence,
        {
          title: d.title,
          kind: d.kind,
          startsAt: d.startsAt,
          endsAt: d.endsAt,
          venue: d.venue,
          organisingUnit: d.organisingUnit,
          capacity: d.capacity,
          perBankQuota: d.perBankQuota,
          invitedBankIds: d.invitedBankIds,
          status: d.status,
          registration: d.registration,
          completedAt: event.type === 'session.completed' ? event.data.completedAt : null,
        },
        { rescheduled: event.type === 'session.rescheduled' },
      );
      const session = await deps.sessions.get(d.id);
      // A newer event already replaced this one: its own emails are the ones that matter.
      if (session === null || session.sequence !== event.sequence) return;
      if (event.type === 'session.scheduled') await inviteBanks(deps, event, session);
      if (event.type === 'session.rescheduled') await announceReschedule(deps, event, session);
      if (event.type === 'session.cancelled') await announceCancellation(deps, event, session);
      return;
    }
    case 'opinion.raised':
    case 'opinion.updated':
    case 'opinion.resolved': {
      const d = event.data;
      await deps.sessions.applyOpinion(d.id, event.sequence, {
        sessionId: d.sessionId,
        category: d.category,
        text: d.text,
        status: d.status,
        dueAt: d.dueAt,
      });
      return;
    }
  }
}
