// Reads an .ics back with Mozilla's ical.js (a strict RFC 5545 parser): the one event, its instants and zone, the calendar's method.
import ICAL from 'ical.js';
import { expect } from 'vitest';

export function readCalendarEvent(ics: string) {
  const calendar = ICAL.Component.fromString(ics);
  // The file's own VTIMEZONE places TZID=Asia/Shanghai times, as a calendar app does.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const [vevent] = events;
  if (vevent === undefined) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    description: event.description,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    tzid: event.startDate.zone.tzid,
    status: vevent.getFirstPropertyValue('status'),
    method: calendar.getFirstPropertyValue('method'),
  };
}
