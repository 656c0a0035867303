// Pure rules of the weekly digest: which week is due (Monday 09:00 Beijing time, for the week before) and its key.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BEIJING_OFFSET = 8 * HOUR; // no daylight saving since 1991
const SEND_AT_HOUR = 9;

export interface DigestWeek {
  /** ISO week of the week covered, e.g. `2026-W48`: the digest's key, one per coordinator per week. */
  week: string;
  /** Monday 00:00 Beijing time, as a UTC instant. */
  start: Date;
  /** Next Monday 00:00 Beijing time (exclusive). */
  end: Date;
  /** When it is due: the Monday after the week, 09:00 Beijing time. */
  dueAt: Date;
}

/** The latest week whose digest is due at `now`. */
export function dueDigestWeek(now: Date): DigestWeek {
  const local = new Date(now.getTime() + BEIJING_OFFSET);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let thisMonday = localMidnight - sinceMonday * DAY - BEIJING_OFFSET;
  if (now.getTime() < thisMonday + SEND_AT_HOUR * HOUR) thisMonday -= 7 * DAY;
  const start = thisMonday - 7 * DAY;
  return {
    week: isoWeek(new Date(start + BEIJING_OFFSET)),
    start: new Date(start),
    end: new Date(thisMonday),
    dueAt: new Date(thisMonday + SEND_AT_HOUR * HOUR),
  };
}

/** ISO 8601 week of a date given as its UTC calendar day (`2026-W48`). */
export function isoWeek(day: Date): string {
  const thursday = new Date(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7),
    ),
  );
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * DAY));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
