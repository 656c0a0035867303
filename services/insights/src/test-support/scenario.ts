// The fixed coverage scenario of the insights tests: events of banks, sessions, registrations, opinions, bulletins, published through the broker.
import { randomBytes, randomUUID } from 'node:crypto';
import { EventMap, Topics, type EventType } from '@lianxin/contracts';
import { EVENT_PRODUCER } from '@lianxin/platform/messaging';
import { kafkaClient } from '@lianxin/testing';

export const oid = (): string => randomBytes(12).toString('hex');

export interface ScenarioEvent {
  topic: string;
  key: string;
  value: string;
}

/** "Now" for the scenario's figures: 2026-10-15 12:00 in Shanghai. */
export const SCENARIO_NOW = new Date('2026-10-15T04:00:00.000Z');
export const PERIOD = '2026-Q3';

const UNIT = '香河县公安局反诈中心';
const STATION = '淑阳派出所';

export interface Scenario {
  ids: Record<'A' | 'B' | 'C' | 'D' | 'S1' | 'S2' | 'S3' | 'BL1' | 'BL2' | 'BL3', string>;
  events: ScenarioEvent[];
}

export function buildScenario(): Scenario {
  const ids = {
    A: oid(),
    B: oid(),
    C: oid(),
    D: oid(),
    S1: oid(),
    S2: oid(),
    S3: oid(),
    BL1: oid(),
    BL2: oid(),
    BL3: oid(),
  };
  const events: ScenarioEvent[] = [];
  const add = (
    type: EventType,
    subject: string,
    sequence: number,
    data: unknown,
    time = '2026-07-01T00:00:00.000Z',
  ) => {
    const parsed = EventMap[type].parse(data);
    const onRegistrations =
      type.startsWith('registration.') ||
      type.startsWith('attendance.') ||
      type.startsWith('feedback.');
    const topic = type.startsWith('bank.')
      ? Topics.banks
      : type.startsWith('bulletin.')
        ? Topics.bulletins
        : onRegistrations
          ? Topics.registrations
          : Topics.sessions;
    const key = onRegistrations ? (parsed as { sessionId: string }).sessionId : subject;
    const envelope = {
      id: randomUUID(),
      type,
      source: 'test',
      subject,
      sequence,
      time,
      schemaVersion: 1,
      data: parsed,
    };
    events.push({ topic, key, value: JSON.stringify(envelope) });
  };

  const bank = (id: string, code: string, shortName: string) => ({
    id,
    code,
    name: { zh: `${shortName}全称`, en: null },
    shortName,
    type: 'state_owned',
    district: '香河县',
    status: 'active',
    suspension: null,
  });
  add('bank.registered', ids.A, 1, bank(ids.A, 'T-A01', '工行旧名'));
  add('bank.updated', ids.A, 2, bank(ids.A, 'T-A01', '工行香河'));
  add('bank.registered', ids.B, 1, bank(ids.B, 'T-B02', '农行香河'));
  add('bank.registered', ids.C, 1, bank(ids.C, 'T-C03', '香河农商行'));
  add('bank.registered', ids.D, 1, bank(ids.D, 'T-D04', '邮储香河'));
  // Sequence 2 was a liaison event this consumer does not take: gaps in sequence are normal.
  add('bank.suspended', ids.D, 3, {
    ...bank(ids.D, 'T-D04', '邮储香河'),
    status: 'suspended',
    suspension: { reason: '合作协议到期', suspendedAt: '2026-06-30T00:00:00.000Z' },
  });

  const session = (id: string, o: Record<string, unknown>) => ({
    id,
    title: '反诈座谈',
    kind: 'bank_forum',
    format: 'open_forum',
    venue: { name: '反诈中心会议室', address: '香河县新开街1号' },
    organisingUnit: UNIT,
    hostOfficerIds: ['officer-1'],
    capacity: 50,
    perBankQuota: null,
    invitedBankIds: [],
    audiences: ['bank_staff'],
    fraudTopics: [],
    status: 'scheduled',
    registration: { opensAt: '2026-06-01T00:00:00.000Z', closesAt: '2026-07-10T02:00:00.000Z' },
    ...o,
  });
  const s1 = session(ids.S1, {
    startsAt: '2026-07-10T02:00:00.000Z',
    endsAt: '2026-07-10T04:00:00.000Z',
    invitedBankIds: [ids.A, ids.B, ids.C],
    fraudTopics: ['fake_investment', 'impersonate_authority'],
  });
  add('session.scheduled', ids.S1, 1, s1);
  add('session.completed', ids.S1, 2, {
    ...s1,
    status: 'completed',
    completedAt: '2026-07-10T04:00:00.000Z',
  });
  // Never marked completed, but over by "now": held.
  add(
    'session.scheduled',
    ids.S2,
    1,
    session(ids.S2, {
      kind: 'campus',
      format: 'talk',
      organisingUnit: STATION,
      hostOfficerIds: ['officer-2'],
      startsAt: '2026-08-05T01:00:00.000Z',
      endsAt: '2026-08-05T02:00:00.000Z',
      audiences: ['students', 'parents'],
      fraudTopics: ['fake_game_trading'],
    }),
  );
  const s3 = session(ids.S3, {
    hostOfficerIds: ['officer-1', 'officer-2'],
    startsAt: '2026-09-20T02:00:00.000Z',
    endsAt: '2026-09-20T04:00:00.000Z',
    invitedBankIds: [ids.A, ids.B],
    audiences: ['bank_staff', 'elderly'],
    fraudTopics: ['task_rebate'],
  });
  add('session.scheduled', ids.S3, 1, s3);
  add('session.cancelled', ids.S3, 2, {
    ...s3,
    status: 'cancelled',
    cancellation: {
      reason: '场地检修',
      cancelledBy: 'coordinator-1',
      cancelledAt: '2026-09-01T00:00:00.000Z',
    },
  });

  const token = 'token-'.padEnd(32, 'x');
  const reg = (sessionId: string, bankId: string, n: number) => ({
    registrationId: oid(),
    sessionId,
    bankId,
    attendee: {
      name: `员工${n}`,
      mobile: `1380000${String(1000 + n)}`,
      email: null,
      position: null,
      branch: null,
    },
    registeredBy: `liaison-${bankId}`,
    registeredAt: '2026-07-01T00:00:00.000Z',
  });
  const confirmed = (r: ReturnType<typeof reg>) => ({
    ...r,
    status: 'confirmed',
    waitlist: null,
    checkInToken: token,
  });
  const checkIn = (r: ReturnType<typeof reg>, seq: number) => {
    add('attendance.checked_in', r.registrationId, seq, {
      registrationId: r.registrationId,
      sessionId: r.sessionId,
      bankId: r.bankId,
      checkedInAt: '2026-07-10T01:50:00.000Z',
      method: 'qr',
      checkedInBy: null,
    });
  };
  const feedback = (r: ReturnType<typeof reg>, seq: number, ratings: Record<string, string>) => {
    add('feedback.submitted', r.registrationId, seq, {
      sessionId: r.sessionId,
      registrationId: r.registrationId,
      bankId: r.bankId,
      ratings,
      comment: null,
      submittedAt: '2026-07-10T03:30:00.000Z',
    });
  };
  const cancelled = (r: ReturnType<typeof reg>) => ({
    ...r,
    status: 'cancelled',
    waitlist: null,
    cancellation: {
      reason: 'withdrawn',
      cancelledBy: r.registeredBy,
      cancelledAt: '2026-07-05T00:00:00.000Z',
    },
  });

  const a1 = reg(ids.S1, ids.A, 1);
  add('registration.confirmed', a1.registrationId, 1, confirmed(a1));
  checkIn(a1, 2);
  feedback(a1, 3, { attitude: 'blue', tone: 'blue', expression: 'red' });
  // Closed five days after the feedback; b1's red (below) stays open.
  add('feedback.followed_up', a1.registrationId, 4, {
    sessionId: a1.sessionId,
    registrationId: a1.registrationId,
    bankId: a1.bankId,
    closedBy: 'officer-1',
    closedAt: '2026-07-15T03:30:00.000Z',
    action: '已与主讲民警复盘讲解方式',
  });
  const a2 = reg(ids.S1, ids.A, 2);
  add('registration.confirmed', a2.registrationId, 1, confirmed(a2));
  checkIn(a2, 2);
  feedback(a2, 3, { attitude: 'blue', tone: 'blue', expression: 'blue' });
  const b1 = reg(ids.S1, ids.B, 3);
  const place = { position: 1, reason: 'capacity' };
  add('registration.waitlisted', b1.registrationId, 1, {
    ...b1,
    status: 'waitlisted',
    waitlist: place,
  });
  add('registration.promoted', b1.registrationId, 2, { ...confirmed(b1), promotedFrom: place });
  checkIn(b1, 3);
  feedback(b1, 4, { attitude: 'yellow', tone: 'blue', expression: 'red' });
  const b2 = reg(ids.S1, ids.B, 4);
  add('registration.confirmed', b2.registrationId, 1, confirmed(b2));
  add('registration.cancelled', b2.registrationId, 2, cancelled(b2));
  const a3 = reg(ids.S3, ids.A, 5);
  add('registration.confirmed', a3.registrationId, 1, confirmed(a3));
  add('registration.cancelled', a3.registrationId, 2, cancelled(a3));

  const opinion = (id: string, o: Record<string, unknown>) => ({
    id,
    sessionId: ids.S1,
    category: 'fraud',
    text: '希望增加老年客户反诈宣传',
    raisedBy: '某银行网点负责人',
    recordedBy: 'officer-1',
    ownerId: 'officer-1',
    dueAt: '2026-07-20T00:00:00.000Z',
    status: 'open',
    resolutionNote: null,
    resolvedAt: null,
    ...o,
  });
  const o1 = oid();
  add('opinion.raised', o1, 1, opinion(o1, {}), '2026-07-10T04:00:00.000Z');
  add('opinion.updated', o1, 2, opinion(o1, { status: 'in_progress' }), '2026-07-12T00:00:00.000Z');
  const o2 = oid();
  add(
    'opinion.raised',
    o2,
    1,
    opinion(o2, { dueAt: '2026-10-30T00:00:00.000Z' }),
    '2026-09-28T00:00:00.000Z',
  );
  add(
    'opinion.resolved',
    o2,
    2,
    opinion(o2, {
      dueAt: '2026-10-30T00:00:00.000Z',
      status: 'resolved',
      resolutionNote: '已安排社区宣讲',
      resolvedAt: '2026-10-01T00:00:00.000Z',
    }),
    '2026-10-01T00:00:00.000Z',
  );
  // Raised after the period: not in its figures.
  const o3 = oid();
  add('opinion.raised', o3, 1, opinion(o3, {}), '2026-10-10T00:00:00.000Z');

  const bulletin = (id: string, o: Record<string, unknown>) => ({
    id,
    version: 1,
    title: '冒充客服诈骗案',
    fraudType: 'fake_investment',
    audiences: ['elderly', 'bank_staff'],
    caseDate: '2026-07-01',
    region: '香河县淑阳镇',
    lossFen: 1_000_000,
    summary: '受害人被诱导投资，损失一万元。',
    warningSigns: ['高收益承诺'],
    advice: ['不轻信陌生人'],
    authorId: 'officer-1',
    reviewerId: 'reviewer-1',
    publishedAt: '2026-08-01T00:00:00.000Z',
    status: 'published',
    ...o,
  });
  add('bulletin.published', ids.BL1, 1, bulletin(ids.BL1, { title: '虚假投资理财案（初稿）' }));
  add('bulletin.published', ids.BL1, 2, bulletin(ids.BL1, { version: 2, title: '虚假投资理财案' }));
  const bl2 = bulletin(ids.BL2, {
    fraudType: 'task_rebate',
    audiences: ['elderly'],
    publishedAt: '2026-09-01T00:00:00.000Z',
  });
  add('bulletin.published', ids.BL2, 1, bl2);
  add('bulletin.retracted', ids.BL2, 2, {
    ...bl2,
    status: 'retracted',
    retraction: {
      reason: '案情有误',
      retractedBy: 'reviewer-1',
      retractedAt: '2026-09-02T00:00:00.000Z',
    },
  });
  add(
    'bulletin.published',
    ids.BL3,
    1,
    bulletin(ids.BL3, {
      title: '网络婚恋交友诈骗案',
      fraudType: 'online_romance',
      audiences: ['general_public'],
      publishedAt: '2026-06-01T00:00:00.000Z',
    }),
  );
  return { ids, events };
}

/** Publishes the events through the broker, each on its topic (named by `topic`) with its key. */
export async function publish(
  brokers: string[],
  topic: (name: string) => string,
  events: readonly ScenarioEvent[],
): Promise<void> {
  const producer = kafkaClient(brokers).producer(EVENT_PRODUCER);
  await producer.connect();
  try {
    for (const e of events) {
      await producer.send({
        topic: topic(e.topic),
        acks: -1,
        messages: [{ key: e.key, value: e.value }],
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Waits until `read` satisfies `ok` (or the time is up, then returns the last value). */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}
