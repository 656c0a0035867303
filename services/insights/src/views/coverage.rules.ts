// The coverage views as pure functions of the facts: per bank, audience × fraud type, per month, feedback, opinions.
import {
  Audience,
  FeedbackColour,
  FraudType,
  OpinionStatus,
  type SessionFormat,
  type SessionKind,
} from '@lianxin/contracts';
import type { Facts, RegistrationFact, SessionFact } from '../facts/fact.ts';
import { shanghaiMonth, within, type Period } from './period.rules.ts';

const DAY_MS = 86_400_000;

/** Held: completed, or not cancelled and already over (officers do not always press "complete"). */
export function isHeld(s: SessionFact, now: Date): boolean {
  if (s.status === 'cancelled') return false;
  return s.status === 'completed' || Date.parse(s.endsAt) <= now.getTime();
}

const checkedIn = (r: RegistrationFact): boolean => r.checkedInAt !== undefined;

function registrationsBySession(facts: Facts): Map<string, RegistrationFact[]> {
  const out = new Map<string, RegistrationFact[]>();
  for (const r of facts.registrations) {
    const list = out.get(r.sessionId) ?? [];
    list.push(r);
    out.set(r.sessionId, list);
  }
  return out;
}

export interface BankRow {
  bankId: string;
  code: string;
  shortName: string;
  status: string;
  /** Sessions in the period (not cancelled) the bank was invited to. */
  invited: number;
  /** Held sessions in the period where at least one of its staff checked in. */
  attended: number;
  /** Confirmed registrations of its staff for the period's sessions. */
  registered: number;
  checkedIn: number;
  /** Start of the last held session its staff checked in to, any time. */
  lastForumAt: string | null;
  daysSince: number | null;
}

export function bankRows(facts: Facts, period: Period, now: Date): BankRow[] {
  const regs = registrationsBySession(facts);
  return [...facts.banks]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((bank) => {
      let invited = 0;
      let attended = 0;
      let registered = 0;
      let checked = 0;
      let last: string | null = null;
      for (const s of facts.sessions) {
        const mine = (regs.get(s._id) ?? []).filter((r) => r.bankId === bank._id);
        const reached = isHeld(s, now) && mine.some(checkedIn);
        if (reached && (last === null || s.startsAt > last)) last = s.startsAt;
        if (s.status === 'cancelled' || !within(period, s.startsAt)) continue;
        if (s.invitedBankIds.includes(bank._id)) invited += 1;
        if (reached) attended += 1;
        registered += mine.filter((r) => r.status === 'confirmed').length;
        checked += mine.filter(checkedIn).length;
      }
      return {
        bankId: bank._id,
        code: bank.code,
        shortName: bank.shortName,
        status: bank.status,
        invited,
        attended,
        registered,
        checkedIn: checked,
        lastForumAt: last,
        daysSince: last === null ? null : Math.floor((now.getTime() - Date.parse(last)) / DAY_MS),
      };
    });
}

export interface AudienceRow {
  audience: Audience;
  fraudType: FraudType;
  sessions: number;
  /** Checked-in attendees of those sessions (人次). */
  people: number;
  /** Bulletins published in the period and still published. */
  bulletins: number;
}

export function audienceRows(facts: Facts, period: Period, now: Date): AudienceRow[] {
  const regs = registrationsBySession(facts);
  const key = (a: string, f: string) => `${a}|${f}`;
  const cells = new Map<string, AudienceRow>();
  for (const audience of Audience.options) {
    for (const fraudType of FraudType.options) {
      cells.set(key(audience, fraudType), {
        audience,
        fraudType,
        sessions: 0,
        people: 0,
        bulletins: 0,
      });
    }
  }
  for (const s of facts.sessions) {
    if (!isHeld(s, now) || !within(period, s.startsAt)) continue;
    const people = (regs.get(s._id) ?? []).filter(checkedIn).length;
    for (const a of new Set(s.audiences)) {
      for (const f of new Set(s.fraudTopics)) {
        const cell = cells.get(key(a, f));
        if (cell) {
          cell.sessions += 1;
          cell.people += people;
        }
      }
    }
  }
  for (const b of facts.bulletins) {
    if (b.status !== 'published' || !within(period, b.publishedAt)) continue;
    for (const a of new Set(b.audiences)) {
      const cell = cells.get(key(a, b.fraudType));
      if (cell) cell.bulletins += 1;
    }
  }
  return [...cells.values()];
}

export interface MonthRow {
  month: string;
  kind: SessionKind;
  organisingUnit: string;
  /** 场次: held sessions. */
  sessions: number;
  /** 人次: checked-in attendees. */
  people: number;
}

export function monthRows(facts: Facts, period: Period, now: Date): MonthRow[] {
  const regs = registrationsBySession(facts);
  const rows = new Map<string, MonthRow>();
  for (const s of facts.sessions) {
    if (!isHeld(s, now) || !within(period, s.startsAt)) continue;
    const month = shanghaiMonth(s.startsAt);
    const k = `${month}|${s.kind}|${s.organisingUnit}`;
    const row = rows.get(k) ?? {
      month,
      kind: s.kind,
      organisingUnit: s.organisingUnit,
      sessions: 0,
      people: 0,
    };
    row.sessions += 1;
    row.people += (regs.get(s._id) ?? []).filter(checkedIn).length;
    rows.set(k, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.kind.localeCompare(b.kind) ||
      a.organisingUnit.localeCompare(b.organisingUnit),
  );
}

export interface ColourCounts {
  /** Feedbacks given. */
  feedbacks: number;
  /** Ratings of each colour over the three dimensions (attitude, tone, expression). */
  red: number;
  yellow: number;
  blue: number;
}
export type OfficerFeedbackRow = { officerId: string } & ColourCounts;
export type FormatFeedbackRow = { format: SessionFormat } & ColourCounts;

export function feedbackRows(
  facts: Facts,
  period: Period,
): { byOfficer: OfficerFeedbackRow[]; byFormat: FormatFeedbackRow[] } {
  const sessions = new Map(facts.sessions.map((s) => [s._id, s]));
  const officers = new Map<string, OfficerFeedbackRow>();
  const formats = new Map<SessionFormat, FormatFeedbackRow>();
  const add = (row: ColourCounts, ratings: Record<string, FeedbackColour>) => {
    row.feedbacks += 1;
    for (const colour of Object.values(ratings)) row[colour] += 1;
  };
  for (const r of facts.registrations) {
    const s = sessions.get(r.sessionId);
    if (r.feedback === undefined || s === undefined || !within(period, s.startsAt)) continue;
    for (const officerId of new Set(s.hostOfficerIds)) {
      const row = officers.get(officerId) ?? {
        officerId,
        feedbacks: 0,
        red: 0,
        yellow: 0,
        blue: 0,
      };
      add(row, r.feedback);
      officers.set(officerId, row);
    }
    const row = formats.get(s.format) ?? {
      format: s.format,
      feedbacks: 0,
      red: 0,
      yellow: 0,
      blue: 0,
    };
    add(row, r.feedback);
    formats.set(s.format, row);
  }
  return {
    byOfficer: [...officers.values()].sort((a, b) => a.officerId.localeCompare(b.officerId)),
    byFormat: [...formats.values()].sort((a, b) => a.format.localeCompare(b.format)),
  };
}

export const AGE_BUCKETS = ['0-7', '8-30', '31+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

function bucketOf(ms: number): AgeBucket {
  const days = Math.floor(ms / DAY_MS);
  return days <= 7 ? '0-7' : days <= 30 ? '8-30' : '31+';
}

export interface FollowUpRow {
  /** An opinion (社情民意), or the follow-up a red feedback opens. */
  item: 'opinion' | 'follow_up';
  status: OpinionStatus | 'closed';
  /** Days since raised (open ones), or days it took to resolve or close (the others). */
  age: AgeBucket;
  count: number;
  /** Past their due date and not resolved (follow-ups carry no due date). */
  overdue: number;
}

export function followUpRows(facts: Facts, period: Period, now: Date): FollowUpRow[] {
  const rows: FollowUpRow[] = [];
  const row = (item: FollowUpRow['item'], status: FollowUpRow['status'], age: AgeBucket) => {
    let found = rows.find((r) => r.item === item && r.status === status && r.age === age);
    if (!found) {
      found = { item, status, age, count: 0, overdue: 0 };
      rows.push(found);
    }
    return found;
  };
  for (const status of OpinionStatus.options)
    for (const age of AGE_BUCKETS) row('opinion', status, age);
  for (const status of ['open', 'closed'] as const) {
    for (const age of AGE_BUCKETS) row('follow_up', status, age);
  }
  for (const o of facts.opinions) {
    if (o.raisedAt === undefined || !within(period, o.raisedAt)) continue;
    const end =
      o.status === 'resolved' && o.resolvedAt !== null ? Date.parse(o.resolvedAt) : now.getTime();
    const r = row('opinion', o.status, bucketOf(end - Date.parse(o.raisedAt)));
    r.count += 1;
    if (o.status !== 'resolved' && Date.parse(o.dueAt) < now.getTime()) r.overdue += 1;
  }
  for (const reg of facts.registrations) {
    if (reg.feedback === undefined || reg.feedbackAt === undefined) continue;
    if (!Object.values(reg.feedback).includes('red') || !within(period, reg.feedbackAt)) continue;
    const closed = reg.followUpClosedAt;
    const end = closed === undefined ? now.getTime() : Date.parse(closed);
    const status = closed === undefined ? 'open' : 'closed';
    row('follow_up', status, bucketOf(end - Date.parse(reg.feedbackAt))).count += 1;
  }
  return rows;
}
