// Use case: keep the session read model in step with lianxin.sessions.v1 (snapshots, applied if newer).
import { pickEvents } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';

export const SessionEvents = pickEvents(
  'session.scheduled',
  'session.rescheduled',
  'session.cancelled',
  'session.completed',
);
export type SessionEvent = EventOf<typeof SessionEvents>;

export async function applySessionEvent(
  deps: Pick<Deps, 'sessions'>,
  event: SessionEvent,
): Promise<void> {
  const s = event.data;
  await deps.sessions.apply(s.id, event.sequence, {
    title: s.title,
    kind: s.kind,
    status: s.status,
    startsAt: new Date(s.startsAt),
    audiences: s.audiences,
    fraudTopics: s.fraudTopics,
  });
}
