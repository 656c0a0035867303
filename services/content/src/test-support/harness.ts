// Test harness: the content app on this file's own database and topics, with its relay, session consumer and a caller per role.
import { Topics } from '@lianxin/contracts';
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
import type { Connection } from 'mongoose';
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
