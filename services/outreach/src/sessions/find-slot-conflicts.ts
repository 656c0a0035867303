// Use case: which sessions a venue/officer plan overlaps right now, read from the slot books (the form's conflicts as you type).
import { invalidField } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import type { SlotConflictsQuery, SlotConflictsView } from './session.schemas.ts';
import { officerKey, venueKey } from './session.rules.ts';

type Conflict = SlotConflictsView['conflicts'][number];

/**
 * A read, not a reservation: it answers what `reserveSlots` would clash with at this instant.
 * Two people may still pick the same free slot at once; the write's 409 stays the arbiter.
 */
export async function findSlotConflicts(
  deps: Deps,
  query: SlotConflictsQuery,
): Promise<SlotConflictsView> {
  const startsAt = new Date(query.startsAt);
  const endsAt = new Date(query.endsAt);
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw invalidField(['endsAt'], {
      zh: '结束时间必须晚于开始时间',
      en: 'endsAt must be after startsAt',
    });
  }
  if ((query.venueName === undefined) !== (query.venueAddress === undefined)) {
    throw invalidField([query.venueName === undefined ? 'venueName' : 'venueAddress'], {
      zh: '场地名称与地址需同时提供',
      en: 'venueName and venueAddress go together',
    });
  }
  const keys: { key: string; code: Conflict['code']; officerId: string | null }[] = [];
  if (query.venueName !== undefined && query.venueAddress !== undefined) {
    const venue = { name: query.venueName, address: query.venueAddress };
    keys.push({ key: venueKey(venue), code: 'VENUE_CONFLICT', officerId: null });
  }
  for (const officerId of new Set(query.hostOfficerIds ?? [])) {
    keys.push({ key: officerKey(officerId), code: 'HOST_CONFLICT', officerId });
  }
  const now = deps.now();
  const found = await Promise.all(
    keys.map(async ({ key, code, officerId }) => {
      const bookings = await deps.slots.overlapping(
        key,
        startsAt,
        endsAt,
        now,
        query.excludeSessionId,
      );
      return Promise.all(
        bookings.map(async (b): Promise<Conflict> => ({
          code,
          path: code === 'VENUE_CONFLICT' ? 'venue' : 'hostOfficerIds',
          officerId,
          sessionId: b.sessionId,
          title: await deps.slots.titleOf(b.sessionId),
          startsAt: b.startsAt.toISOString(),
          endsAt: b.endsAt.toISOString(),
        })),
      );
    }),
  );
  return { conflicts: found.flat() };
}
