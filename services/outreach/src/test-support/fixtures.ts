// Test data for outreach's tests: bank read-model seeding, request bodies, unique values, tokens (the harness is the kit's serviceHarness).
import type { BankSnapshot, LiaisonSnapshot } from '@lianxin/contracts';
import { newId } from '@lianxin/platform/db';
import { testAuth, type Claims, type ServiceHarness } from '@lianxin/testing';
import type { Connection } from 'mongoose';
import { applyBankEvent, type BankEvent } from '../banks/bank.projection.ts';
import type { OutreachConfig } from '../config.ts';
import type { Deps } from '../shared/deps.ts';
import type { Models } from '../shared/models.ts';

export type Harness = ServiceHarness<OutreachConfig, Models, Deps>;

/** A signed token for `who`, from the file's keys (the ones the harness verifies with). */
export async function token(claims: Claims): Promise<string> {
  return (await testAuth()).token(claims);
}

/** Resolves once the session's registrations are all cancelled by the background job. */
export async function untilRegistrationsCancelled(
  h: Harness,
  sessionId: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await h.models.sessions.findById(sessionId, { cancellingRegistrations: 1 }).lean();
    if (s?.cancellingRegistrations === false) return;
    if (Date.now() > deadline) throw new Error(`session ${sessionId}: registrations not cancelled`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let eventCounter = 0;
/** An envelope as the banks service would publish it. */
export function bankEnvelope<E extends BankEvent>(
  type: E['type'],
  subject: string,
  sequence: number,
  data: E['data'],
): E {
  eventCounter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(eventCounter).padStart(12, '0')}`,
    type,
    source: 'banks',
    subject,
    sequence,
    time: new Date().toISOString(),
    schemaVersion: 1,
    data,
  } as E;
}

export function bankSnapshot(
  id: string,
  n: number,
  status: 'active' | 'suspended' = 'active',
): BankSnapshot {
  return {
    id,
    code: `B${n}-${id.slice(-6).toUpperCase()}`,
    name: { zh: `测试银行${n}香河支行`, en: `Test Bank ${n} Xianghe` },
    shortName: `测试银行${n}`,
    type: 'state_owned',
    district: '淑阳镇',
    status,
    suspension:
      status === 'suspended' ? { reason: '合作暂停', suspendedAt: new Date().toISOString() } : null,
  };
}

export function liaisonSnapshot(
  bankId: string,
  liaisonId: string,
  n: number,
  active = true,
): LiaisonSnapshot {
  return {
    bankId,
    liaisonId,
    name: `联络员${n}`,
    mobile: `139${String(10_000_000 + n).slice(-8)}`,
    email: `liaison${n}.${liaisonId.slice(-6)}@bank.example.cn`,
    title: '运营主管',
    role: 'primary',
    active,
  };
}

export interface SeededBank {
  bankId: string;
  liaisonId: string;
}

/** Puts banks (each with one liaison) into the read model through the projection the consumer uses. */
export async function seedBanks(
  conn: Connection,
  count: number,
  opts: { status?: 'active' | 'suspended'; liaisonActive?: boolean } = {},
): Promise<SeededBank[]> {
  const out: SeededBank[] = [];
  for (let n = 1; n <= count; n += 1) {
    const bankId = newId();
    const liaisonId = newId();
    await applyBankEvent(
      conn,
      bankEnvelope('bank.registered', bankId, 1, bankSnapshot(bankId, n, opts.status)),
    );
    await applyBankEvent(
      conn,
      bankEnvelope(
        'liaison.added',
        bankId,
        2,
        liaisonSnapshot(bankId, liaisonId, n, opts.liaisonActive),
      ),
    );
    out.push({ bankId, liaisonId });
  }
  return out;
}

/** A mainland mobile number unique to this test process and counter. */
let mobileCounter = Math.floor(Math.random() * 1_000_000);
export function uniqueMobile(): string {
  mobileCounter += 1;
  return `13${String(100_000_000 + (mobileCounter % 900_000_000)).slice(-9)}`;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let venueCounter = 0;
/** A session body one day ahead (or `startsInMs`), at a venue and with an officer no other test uses. */
export function sessionBody(
  overrides: Record<string, unknown> = {},
  startsInMs = DAY,
): Record<string, unknown> {
  venueCounter += 1;
  const startsAt = new Date(Date.now() + startsInMs);
  return {
    title: `反诈银警恳谈会 ${venueCounter}`,
    kind: 'campus',
    format: 'talk',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    venue: { name: `会议室${venueCounter}-${newId().slice(-6)}`, address: '香河县新开街1号' },
    organisingUnit: '香河县公安局反诈中心',
    hostOfficerIds: [`officer-${newId().slice(-8)}`],
    capacity: 50,
    audiences: ['students'],
    fraudTopics: ['task_rebate'],
    ...overrides,
  };
}

export async function liaisonToken(bank: SeededBank): Promise<string> {
  return token({ sub: bank.liaisonId, role: 'liaison', bankId: bank.bankId, name: '银行联络员' });
}

/** POST /sessions/:id/registrations as the holder of `token` (one attendee or `{ attendees }`). */
export function register(
  h: Harness,
  token: string,
  sessionId: string,
  payload: Record<string, unknown>,
) {
  return h.app.inject({
    method: 'POST',
    url: `/sessions/${sessionId}/registrations`,
    headers: { authorization: `Bearer ${token}` },
    payload,
  });
}

/** Schedules a bank forum inviting `banks` through the API and returns its id. */
export async function scheduleForum(
  h: Harness,
  banks: readonly SeededBank[],
  opts: {
    capacity: number;
    perBankQuota: number | null;
    startsInMs?: number;
    extra?: Record<string, unknown>;
  },
): Promise<string> {
  const coordinator = await token({ sub: 'coord-forum', role: 'coordinator', name: '协调员' });
  const res = await h.app.inject({
    method: 'POST',
    url: '/sessions',
    headers: { authorization: `Bearer ${coordinator}` },
    payload: sessionBody(
      {
        kind: 'bank_forum',
        format: 'open_forum',
        capacity: opts.capacity,
        perBankQuota: opts.perBankQuota,
        invitedBankIds: banks.map((b) => b.bankId),
        audiences: ['bank_staff'],
        ...opts.extra,
      },
      opts.startsInMs ?? DAY,
    ),
  });
  if (res.statusCode !== 201) throw new Error(`forum not scheduled: ${res.body}`);
  return res.json<{ id: string }>().id;
}

export function attendee(n: number, mobile = uniqueMobile()): Record<string, unknown> {
  return { name: `员工${n}`, mobile, position: '客户经理', branch: '香河支行营业部' };
}

/** Fisher–Yates, so each run interleaves the requests differently. */
export function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}
