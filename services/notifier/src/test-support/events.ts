// Event envelopes as the producing services would publish them, built from contract-typed data.
import { randomUUID } from 'node:crypto';
import type { EventMap, EventType } from '@lianxin/contracts';
import { Types } from 'mongoose';
import type { z } from 'zod';

export interface TestEnvelope<K extends EventType = EventType> {
  id: string;
  type: K;
  source: string;
  subject: string;
  sequence: number;
  time: string;
  schemaVersion: number;
  data: z.input<EventMap[K]>;
}

export function newId(): string {
  return new Types.ObjectId().toHexString();
}

export function envelope<K extends EventType>(
  type: K,
  subject: string,
  sequence: number,
  data: z.input<EventMap[K]>,
  time: Date = new Date(),
): TestEnvelope<K> {
  const source =
    type.startsWith('bank') || type.startsWith('liaison')
      ? 'banks'
      : type.startsWith('account')
        ? 'console'
        : type.startsWith('bulletin') || type.startsWith('subscription')
          ? 'content'
          : 'outreach';
  return {
    id: randomUUID(),
    type,
    source,
    subject,
    sequence,
    time: time.toISOString(),
    schemaVersion: 1,
    data,
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type SessionData = z.input<EventMap['session.scheduled']>;

let counter = 0;
/** A scheduled session snapshot starting about `startsInMs` from now (the next whole minute), two hours long. */
export function sessionData(
  overrides: Partial<SessionData> = {},
  startsInMs = 3 * DAY,
): SessionData {
  counter += 1;
  // On a whole minute, as people schedule (and as calendar files carry times).
  const startsAt = new Date(Math.ceil((Date.now() + startsInMs) / 60_000) * 60_000);
  return {
    id: newId(),
    title: `银警反诈恳谈会 ${counter}`,
    kind: 'bank_forum',
    format: 'open_forum',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    venue: { name: `县公安局三楼会议室${counter}`, address: '香河县新华大街1号' },
    organisingUnit: '香河县公安局反诈中心',
    hostOfficerIds: ['officer-zhang'],
    capacity: 40,
    perBankQuota: 5,
    invitedBankIds: [],
    audiences: ['bank_staff'],
    fraudTopics: ['fake_investment'],
    status: 'scheduled',
    registration: {
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: startsAt.toISOString(),
    },
    ...overrides,
  };
}

type RegistrationBase = Omit<z.input<EventMap['registration.waitlisted']>, 'status' | 'waitlist'>;

export function registrationData(
  sessionId: string,
  bankId: string,
  liaisonId: string,
  attendee: { name: string; email: string | null; mobile?: string },
): RegistrationBase {
  counter += 1;
  return {
    registrationId: newId(),
    sessionId,
    bankId,
    attendee: {
      name: attendee.name,
      mobile:
        attendee.mobile ?? `139${String(10_000_000 + (counter % 90_000_000)).padStart(8, '0')}`,
      email: attendee.email,
      position: '客户经理',
      branch: '香河支行营业部',
    },
    registeredBy: liaisonId,
    registeredAt: new Date().toISOString(),
  };
}

export const CHECK_IN_TOKEN = 'eyJ0ZXN0IjoidG9rZW4ifQ.signature-of-the-check-in-token';
