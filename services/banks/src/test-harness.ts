// Builds the banks app on the real database and broker for a test file, with tokens for every role.
import { randomBytes, randomInt } from 'node:crypto';
import { topicOf, type EventType } from '@lianxin/contracts';
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
import { buildApp } from './app.ts';
import { bankModels } from './banks/bank.model.ts';
import { BankRepository } from './banks/bank.repository.ts';
import type { BanksDeps } from './deps.ts';
import { ContactReservations } from './liaisons/contact-reservations.ts';

export interface Harness {
  env: TestEnv;
  app: App;
  deps: BanksDeps;
  db: Connection;
  /** This file's banks topic. */
  topic: string;
  token: (claims: PrincipalInput) => Promise<string>;
  as: (token: string) => Caller;
  /** A caller for each staff role. */
  staff: () => Promise<Record<'coordinator' | 'officer' | 'reviewer', Caller>>;
  close: () => Promise<void>;
}

export type Caller = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) => Promise<LightMyRequestResponse>;

export async function harness(fileUrl: string): Promise<Harness> {
  const env = testEnv(fileUrl);
  const db = await connectDb({ url: env.dbUrl });
  const models = bankModels(db);
  await Promise.all([models.banks.init(), models.reservations.init()]);
  const topic = env.topic(topicOf('bank.registered'));
  await createTopics(env.kafkaBrokers, [topic], 3);
  const relay = new OutboxRelay({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: `${env.id}-banks` }),
    connection: db,
    source: 'banks',
    sources: [{ collection: 'banks', topicFor: (type) => env.topic(topicOf(type as EventType)) }],
    log: pino({ level: 'silent' }),
    pollMs: 100,
  });
  relay.start();
  const deps: BanksDeps = {
    banks: new BankRepository(models, () => {
      relay.wake();
    }),
    reservations: new ContactReservations(models),
    now: () => new Date(),
  };
  const keys = await generateKeyPair();
  const verifier = await createTokenVerifier({
    publicKey: keys.publicKey,
    issuer: 'lianxin',
    audience: 'lianxin-api',
  });
  const app = await buildApp({ deps, verifier });
  const token = (claims: PrincipalInput) =>
    mint(claims, { privateKey: keys.privateKey, expiresIn: '1h' });
  const as =
    (bearer: string): Caller =>
    (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${bearer}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
  return {
    env,
    app,
    deps,
    db,
    topic,
    token,
    as,
    staff: async () => ({
      coordinator: as(await token({ sub: 'c1', role: 'coordinator', name: '反诈中心协调员' })),
      officer: as(await token({ sub: 'o1', role: 'officer', name: '民警' })),
      reviewer: as(await token({ sub: 'r1', role: 'reviewer', name: '审核民警' })),
    }),
    close: async () => {
      await app.close();
      await relay.stop();
      await db.dropDatabase();
      await db.close();
    },
  };
}

/** A bank code no other test uses. */
export const uniqueCode = (prefix = 'T'): string =>
  `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;
/** A mobile number no other test uses (fictional 139 range). */
export const uniqueMobile = (): string => `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;

export const bankBody = (code = uniqueCode()) => ({
  code,
  name: { zh: `测试银行${code}`, en: `Test Bank ${code}` },
  shortName: `测试${code.slice(-4)}`,
  type: 'joint_stock',
  district: '淑阳镇',
  address: '河北省廊坊市香河县新华大街1号',
  partnerSince: '2025-03-01',
});

export const liaisonBody = (extra: Record<string, unknown> = {}) => {
  const mobile = uniqueMobile();
  return {
    name: '测试联络员',
    mobile,
    email: `l${mobile}@bank.example.com`,
    title: '运营主管',
    ...extra,
  };
};
