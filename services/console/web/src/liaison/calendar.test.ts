// The browser-made .ics read back by an iCalendar parser: one event at the session's Beijing time, lines as RFC 5545 wants them.
import { describe, expect, it } from 'vitest';
import { readCalendarEvent } from '../../e2e/read-calendar.ts';
import {
  calendarFileName,
  calendarUid,
  sessionCalendar,
  type CalendarSession,
} from './calendar.ts';

const session: CalendarSession = {
  id: '65a1b2c3d4e5f60718293b01',
  title: '香河县反诈中心与合作银行“无主席台、无讲稿”开放式恳谈会（第四季度）——防范电信网络诈骗',
  startsAt: '2026-12-10T01:30:00.000Z',
  endsAt: '2026-12-10T03:30:00.000Z',
  venue: { name: '县公安局三楼会议室', address: '香河县新开街1号' },
  status: 'scheduled',
};

const eventOf = readCalendarEvent;

describe('session calendar file', () => {
  it('when a session is put in a calendar file, then a parser reads one event at its instant in Asia/Shanghai, with the notifier’s UID, title and venue', () => {
    const ics = sessionCalendar(session, '报名人：张三', new Date('2026-12-01T00:00:00Z'));
    const event = eventOf(ics);
    expect(event.uid).toBe(calendarUid(session.id));
    expect(event.uid).toBe('session-65a1b2c3d4e5f60718293b01@lianxin');
    expect(event.start.toISOString()).toBe(session.startsAt);
    expect(event.end.toISOString()).toBe(session.endsAt);
    expect(event.tzid).toBe('Asia/Shanghai');
    expect(event.method).toBe('PUBLISH');
    expect(event.summary).toBe(session.title);
    expect(event.location).toBe('县公安局三楼会议室，香河县新开街1号');
    expect(event.description).toBe('报名人：张三');
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20261210T093000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
  });

  it('when the title is long Chinese text, then every line ends in CRLF and is at most 75 octets', () => {
    const ics = sessionCalendar(session, '说明'.repeat(80));
    expect(ics.endsWith('\r\n') || ics.endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(eventOf(ics).description).toBe('说明'.repeat(80));
  });

  it('when the session is cancelled, then the event says CANCELLED', () => {
    expect(eventOf(sessionCalendar({ ...session, status: 'cancelled' }, '')).status).toBe(
      'CANCELLED',
    );
  });

  it('when the file is named, then by the Beijing date and a title without characters file systems refuse', () => {
    expect(calendarFileName({ title: '恳谈会: 银行/警方', startsAt: '2026-12-10T17:00:00Z' })).toBe(
      '2026-12-11_恳谈会_银行_警方.ics',
    );
  });
});
