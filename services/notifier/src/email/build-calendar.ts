// The .ics of a session email: one UID per session, SEQUENCE = its revision, METHOD:REQUEST or CANCEL, Beijing time.
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Language, SessionInfo } from './email.schemas.ts';
import { TIME_ZONE } from './format.rules.ts';

// China has kept +08:00 without daylight saving since 1991, so one STANDARD block describes
// Asia/Shanghai for any session we schedule; clients that lack the IANA zone still place it right.
const SHANGHAI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19910915T020000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export interface CalendarInput {
  session: SessionInfo;
  method: CalendarMethod;
  /** Shown in calendar apps; the email's own language. */
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string | null; email: string };
  lang: Language;
}

/** Every email about one session updates the same calendar entry, wherever it was sent. */
export function calendarUid(sessionId: string): string {
  return `session-${sessionId}@lianxin`;
}

export function buildCalendar(input: CalendarInput): string {
  const { session } = input;
  const cancel = input.method === 'CANCEL';
  const cal = ical({
    prodId: { company: 'Lianxin', product: 'notifier', language: input.lang.toUpperCase() },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.timezone({ name: TIME_ZONE, generator: () => SHANGHAI_VTIMEZONE });
  cal
    .createEvent({
      id: calendarUid(session.id),
      // A cancellation is itself a revision of the entry (RFC 5546 §3.2.5).
      sequence: cancel ? session.revision + 1 : session.revision,
      // TZDate carries the zone, so the local time written is Beijing's whatever the server's zone.
      start: new TZDate(session.startsAt, TIME_ZONE),
      end: new TZDate(session.endsAt, TIME_ZONE),
      timezone: TIME_ZONE,
      stamp: new TZDate(Date.now(), TIME_ZONE),
      summary: session.title,
      location: `${session.venue.name}，${session.venue.address}`,
      description: input.description,
      organizer: input.organizer,
      status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
    .createAttendee({
      email: input.attendee.email,
      ...(input.attendee.name === null ? {} : { name: input.attendee.name }),
    });
  return cal.toString();
}
