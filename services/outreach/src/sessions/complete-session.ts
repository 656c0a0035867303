// Use case: mark a session held, once it has started; confirmed but not checked in then counts as a no-show.
import { conflict } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { sessionCompleted } from './session.events.ts';
import type { SessionDoc } from './session.model.ts';
import { sessionNotScheduled } from './session.rules.ts';
import { toSnapshot } from './session.view.ts';

export async function completeSession(deps: Deps, sessionId: string): Promise<SessionDoc> {
  const current = await deps.sessions.getOrThrow(sessionId);
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
  if (!(await deps.sessions.markCompleted(current, now, event))) {
    throw sessionNotScheduled(current.status);
  }
  return deps.sessions.getOrThrow(sessionId);
}
