// Books a session's venue and every host officer for its time, all or nothing, or says which session is in the way.
import { conflict } from '@lianxin/platform/errors';
import { officerKey, venueKey } from './session.rules.ts';
import type { SlotBooks } from './slot-book.repository.ts';

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
    const otherTitle = await books.titleOf(res.clash.sessionId);
    const detail = {
      path: key.startsWith('venue:') ? 'venue' : 'hostOfficerIds',
      rule: 'booked',
      message: {
        zh: `与活动 ${res.clash.sessionId} 时间重叠`,
        en: `overlaps session ${res.clash.sessionId}`,
      },
      conflictingSessionId: res.clash.sessionId,
      conflictingTitle: otherTitle,
      startsAt: res.clash.startsAt.toISOString(),
      endsAt: res.clash.endsAt.toISOString(),
    };
    if (key.startsWith('venue:')) {
      throw conflict(
        'VENUE_CONFLICT',
        {
          zh: `该场地在此时段已被活动占用：${otherTitle ?? res.clash.sessionId}`,
          en: `The venue is booked at that time by session ${res.clash.sessionId}`,
        },
        [detail],
      );
    }
    throw conflict(
      'HOST_CONFLICT',
      {
        zh: `主持民警在此时段已有活动：${otherTitle ?? res.clash.sessionId}`,
        en: `A host officer already hosts session ${res.clash.sessionId} at that time`,
      },
      [{ ...detail, officerId: key.slice('officer:'.length) }],
    );
  }
}

/** After an edit is written: keys the session no longer uses (a new venue, a replaced officer) give their time back. */
export async function releaseUnusedSlots(
  books: SlotBooks,
  plan: Pick<SlotPlan, 'sessionId' | 'venue' | 'hostOfficerIds'>,
  previous: Pick<SlotPlan, 'venue' | 'hostOfficerIds'>,
): Promise<void> {
  const used = new Set(slotKeys(plan));
  for (const key of slotKeys(previous))
    if (!used.has(key)) await books.release(key, plan.sessionId);
}

/** An edit that was not written gives back what it reserved: its new keys freed, the old times on the keys it kept. */
export async function undoSlots(
  books: SlotBooks,
  plan: SlotPlan,
  previous: SlotPlan,
  now: Date,
): Promise<void> {
  const previousKeys = new Set(slotKeys(previous));
  for (const key of slotKeys(plan)) {
    if (previousKeys.has(key)) {
      await books.reserve(key, plan.sessionId, previous.startsAt, previous.endsAt, now);
    } else {
      await books.release(key, plan.sessionId);
    }
  }
}

export async function releaseSlots(
  books: SlotBooks,
  plan: Pick<SlotPlan, 'sessionId' | 'venue' | 'hostOfficerIds'>,
): Promise<void> {
  for (const key of slotKeys(plan)) await books.release(key, plan.sessionId);
}
