// Test harness: the content app on this file's own database and topics, with its relay, session consumer and a caller per role.
import { SessionScheduled, Topics } from '@lianxin/contracts';
import {
  createTokenVerifier,
  generateKeyPair,
  mint,
  type PrincipalInput,
} from '@lianxin/platform/auth';
import { connectDb } from '@lianxin/platform/db';
import type { App } from '@lianxin/platform/http';
import { createKafka, OutboxRelay } from '@lianxin/platform/messaging';
import { createTopics, testEnv, type TestEnv } from '@lianxin/testing';
import type { LightMyRequestResponse } from 'fastify';
import { Types, type Connection } from 'mongoose';
import { pino } from 'pino';
import { buildApp } from '../app.ts';
import { sessionConsumer } from '../sessions/session.consumer.ts';
import type { Deps } from '../shared/deps.ts';
import { relaySources, type ContentTopics } from '../shared/messaging.ts';
import { createStores } from '../shared/models.ts';

export type Caller = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) => Promise<LightMyRequestResponse>;

export interface Harness {
  env: TestEnv;
  conn: Connection;
  deps: Deps;
  app: App;
  topics: ContentTopics;
  token: (claims: PrincipalInput) => Promise<string>;
  as: (claims: PrincipalInput) => Promise<Caller>;
  anonymous: Caller;
  close: () => Promise<void>;
}

const silent = pino({ level: 'silent' });

export async function harness(
  fileUrl: string,
  opts: { consumeSessions?: boolean } = {},
): Promise<Harness> {
  const env = testEnv(fileUrl);
  const topics: ContentTopics = {
    bulletins: env.topic(Topics.bulletins),
    sessions: env.topic(Topics.sessions),
  };
  await createTopics(env.kafkaBrokers, [topics.bulletins, topics.sessions], 3);
  const conn = await connectDb({ url: env.dbUrl, poolSize: 30 });
  const kafka = createKafka({
    brokers: env.kafkaBrokers,
    clientId: `${env.id}-content`,
    log: silent,
  });
  const relay = new OutboxRelay({
    kafka,
    connection: conn,
    source: 'content',
    sources: relaySources(topics),
    log: silent,
    pollMs: 100,
  });
  const deps = await createStores(conn, () => {
    relay.wake();
  });
  relay.start();
  const consumer = opts.consumeSessions
    ? sessionConsumer({
        kafka,
        conn,
        topic: topics.sessions,
        groupId: `${env.id}-sessions`,
        log: silent,
        deps,
      })
    : null;
  await consumer?.start();
  const keys = await generateKeyPair();
  const verifier = await createTokenVerifier({
    publicKey: keys.publicKey,
    issuer: 'lianxin',
    audience: 'lianxin-api',
  });
  const app = await buildApp({ deps, verifier, rateLimit: false });
  await app.ready();
  const token = (claims: PrincipalInput) =>
    mint(claims, { privateKey: keys.privateKey, expiresIn: '2h' });
  const call =
    (bearer: string | null): Caller =>
    (method, url, body) =>
      app.inject({
        method,
        url,
        headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
  return {
    env,
    conn,
    deps,
    app,
    topics,
    token,
    as: async (claims) => call(await token(claims)),
    anonymous: call(null),
    close: async () => {
      await app.close();
      await consumer?.stop();
      await relay.stop();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

/** A complete, valid bulletin body with nothing personal in it; `extra` overrides fields. */
export function bulletinBody(extra: Record<string, unknown> = {}) {
  return {
    title: '冒充客服“退款”骗局',
    fraudType: 'fake_customer_service',
    summary: '受害人接到自称客服的电话，被诱导开启屏幕共享后被转走存款。',
    body: '## 经过\n\n对方准确报出订单信息，取得信任。',
    caseDate: '2025-03-01',
    region: '香河县',
    lossFen: 1_200_000,
    victimProfile: { ageBand: '30_44', occupation: '外卖骑手' },
    warningSigns: ['主动来电要退款', '要求屏幕共享'],
    advice: ['只在官方APP办理退款'],
    audiences: ['riders', 'general_public'],
    ...extra,
  };
}

/** A valid session.scheduled snapshot with a fresh id; `extra` overrides fields. */
export function sessionSnapshot(extra: Partial<SessionScheduled> = {}): SessionScheduled {
  return SessionScheduled.parse({
    id: new Types.ObjectId().toHexString(),
    title: '银警反诈恳谈会',
    kind: 'bank_forum',
    format: 'open_forum',
    startsAt: '2026-12-10T01:30:00.000Z',
    endsAt: '2026-12-10T03:30:00.000Z',
    venue: { name: '县公安局三楼会议室', address: '香河县新华大街1号' },
    organisingUnit: '香河县公安局反诈中心',
    hostOfficerIds: ['officer-zhang'],
    capacity: 40,
    perBankQuota: 4,
    invitedBankIds: ['65a1b2c3d4e5f60718293a01'],
    audiences: ['bank_staff'],
    fraudTopics: ['fake_investment'],
    status: 'scheduled',
    registration: { opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-10T01:30:00.000Z' },
    ...extra,
  });
}
