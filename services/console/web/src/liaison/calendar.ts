// A session as an iCalendar file (RFC 5545) made in the browser: Beijing time, the same entry the notifier's emails update.
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export const TIME_ZONE = 'Asia/Shanghai';

// China has kept +08:00 without daylight saving since 1991, so one STANDARD block describes
// Asia/Shanghai for any session; a calendar that lacks the IANA zone still places it right.
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

export interface CalendarSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: { name: string; address: string };
  status: string;
}

/**
 * The notifier's UID for the session (`session-<id>@lianxin`): a calendar that already holds the
 * entry from a confirmation email updates it instead of showing the session twice.
 */
export function calendarUid(sessionId: string): string {
  return `session-${sessionId}@lianxin`;
}

/** An .ics with one event: METHOD:PUBLISH, as a file one adds to one's own calendar. */
export function sessionCalendar(
  session: CalendarSession,
  description: string,
  now: Date = new Date(),
): string {
  const cal = ical({
    prodId: { company: 'Lianxin', product: 'console', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
  });
  cal.timezone({ name: TIME_ZONE, generator: () => SHANGHAI_VTIMEZONE });
  cal.createEvent({
    id: calendarUid(session.id),
    // TZDate carries the zone, so the local time written is Beijing's whatever the browser's zone.
    start: new TZDate(new Date(session.startsAt).getTime(), TIME_ZONE),
    end: new TZDate(new Date(session.endsAt).getTime(), TIME_ZONE),
    timezone: TIME_ZONE,
    stamp: new TZDate(now.getTime(), TIME_ZONE),
    summary: session.title,
    location: `${session.venue.name}，${session.venue.address}`,
    description,
    status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}

/** A safe file name for the session's .ics. */
export function calendarFileName(session: Pick<CalendarSession, 'title' | 'startsAt'>): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(
    new Date(session.startsAt),
  );
  const title = session.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  return `${day}_${title}.ics`;
}

/** Hands the file to the browser as a download. */
export function downloadCalendar(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
