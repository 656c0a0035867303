// Use case: mark a session held, once it has started; confirmed but not checked in then counts as a no-show.
import { conflict } from '@lianxin/platform/http';
import { withEvents } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { sessionNotFound, sessionNotScheduled } from './session.rules.ts';
import { sessionCompleted } from './session.events.ts';
import { toSnapshot } from './session.view.ts';
import type { SessionDoc } from './session.model.ts';

export async function completeSession(deps: Deps, sessionId: string): Promise<SessionDoc> {
  const { sessions } = deps.models;
  const current = await sessions.findById(sessionId).lean<SessionDoc>();
  if (!current) throw sessionNotFound();
  const now = deps.now();
  if (current.status === 'scheduled' && now.getTime() < current.startsAt.getTime()) {
    throw conflict('CONFLICT', {
      zh: '活动尚未开始，不能标记为已举办',
      en: 'A session cannot be completed before it starts',
    });
  }
  const event = sessionCompleted({
    ...toSnapshot(current),
    status: 'completed',
    completedAt: now.toISOString(),
  });
  const res = await sessions.updateOne(
    { _id: sessionId, status: 'scheduled' },
    withEvents({ $set: { status: 'completed', completedAt: now } }, [event]),
  );
  if (res.matchedCount === 0) throw sessionNotScheduled(current.status);
  deps.wake();
  const after = await sessions.findById(sessionId).lean<SessionDoc>();
  if (!after) throw sessionNotFound();
  return after;
}
