// Books a session's venue and every host officer for its time, all or nothing, or says which session is in the way.
import { conflict } from '@lianxin/platform/http';
import type { Model } from 'mongoose';
import type { SessionDoc } from './session.model.ts';
import { officerKey, venueKey } from './session.rules.ts';
import type { SlotBooks } from './slot-books.ts';

export interface SlotPlan {
  sessionId: string;
  venue: { name: string; address: string };
  hostOfficerIds: readonly string[];
  startsAt: Date;
  endsAt: Date;
}

export function slotKeys(plan: Pick<SlotPlan, 'venue' | 'hostOfficerIds'>): string[] {
  return [venueKey(plan.venue), ...plan.hostOfficerIds.map(officerKey)];
}

/**
 * Reserves every key of `plan`. On a clash, undoes what this call booked — restoring the
 * `previous` booking where the session had one (a reschedule) — and throws 409 naming the
 * other session. Each reservation is race-free on its own; the all-or-nothing part is by
 * compensation, and a crash mid-way leaves at worst a booking of this session that the next
 * reschedule or cancellation rewrites (or that expires as an orphan if the session never existed).
 */
export async function reserveSlots(
  books: SlotBooks,
  sessions: Model<SessionDoc>,
  plan: SlotPlan,
  now: Date,
  previous?: SlotPlan,
): Promise<void> {
  const keys = slotKeys(plan);
  const previousKeys = new Set(previous ? slotKeys(previous) : []);
  const done: string[] = [];
  for (const key of keys) {
    const res = await books.reserve(key, plan.sessionId, plan.startsAt, plan.endsAt, now);
    if (res.ok) {
      done.push(key);
      continue;
    }
    for (const undo of done) {
      if (previous && previousKeys.has(undo)) {
        await books.reserve(undo, plan.sessionId, previous.startsAt, previous.endsAt, now);
      } else {
        await books.release(undo, plan.sessionId);
      }
    }
    const other = await sessions
      .findById(res.clash.sessionId, { title: 1 })
      .lean<{ title: string }>();
    const detail = {
      path: key.startsWith('venue:') ? 'venue' : 'hostOfficerIds',
      rule: 'booked',
      message: {
        zh: `与活动 ${res.clash.sessionId} 时间重叠`,
        en: `overlaps session ${res.clash.sessionId}`,
      },
      conflictingSessionId: res.clash.sessionId,
      conflictingTitle: other?.title ?? null,
      startsAt: res.clash.startsAt.toISOString(),
      endsAt: res.clash.endsAt.toISOString(),
    };
    if (key.startsWith('venue:')) {
      throw conflict(
        'VENUE_CONFLICT',
        {
          zh: `该场地在此时段已被活动占用：${other?.title ?? res.clash.sessionId}`,
          en: `The venue is booked at that time by session ${res.clash.sessionId}`,
        },
        [detail],
      );
    }
    throw conflict(
      'HOST_CONFLICT',
      {
        zh: `主持民警在此时段已有活动：${other?.title ?? res.clash.sessionId}`,
        en: `A host officer already hosts session ${res.clash.sessionId} at that time`,
      },
      [{ ...detail, officerId: key.slice('officer:'.length) }],
    );
  }
  // Keys the session no longer uses (a new venue, a replaced officer) give their time back.
  if (previous) {
    const now = new Set(keys);
    for (const key of previousKeys) if (!now.has(key)) await books.release(key, plan.sessionId);
  }
}

export async function releaseSlots(
  books: SlotBooks,
  plan: Pick<SlotPlan, 'sessionId' | 'venue' | 'hostOfficerIds'>,
): Promise<void> {
  for (const key of slotKeys(plan)) await books.release(key, plan.sessionId);
}
