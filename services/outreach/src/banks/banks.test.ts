// The bank read model from lianxin.banks.v1 on the real broker: events applied, and a replay from the start rebuilding the same model.
import { randomUUID } from 'node:crypto';
import { Topics } from '@lianxin/contracts';
import { connectDb, newId } from '@lianxin/platform/db';
import { EVENT_PRODUCER } from '@lianxin/platform/messaging';
import { serviceHarness } from '@lianxin/testing';
import type { Connection } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import { bankEnvelope, bankSnapshot, liaisonSnapshot } from '../test-support/fixtures.ts';
import { bankConsumer } from './bank.consumer.ts';
import type { BankEvent } from './bank.projection.ts';
import { bankRepository } from './bank.repository.ts';
import { BANK_VIEW, bankViewModel, LIAISON_VIEW, liaisonViewModel } from './bank-view.model.ts';

// Components off: each test runs the consumers it watches.
const h = await serviceHarness(import.meta.url, outreachService, { components: false });
const { env } = h;
const { kafka, log } = h.ctx;
const topic = h.topic(Topics.banks);
const live = h.db;
// A second, empty read model for the replay.
const replay = await connectDb({ url: env.dbUrl, dbName: `${env.dbName}_replay` });
afterAll(async () => {
  await replay.dropDatabase();
  await replay.close();
});

async function publish(events: BankEvent[]): Promise<void> {
  const producer = kafka.producer(EVENT_PRODUCER);
  await producer.connect();
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  });
  await producer.disconnect();
}

async function snapshotOf(conn: Connection): Promise<unknown> {
  const db = conn.db;
  if (!db) throw new Error('no db');
  const banks = await db.collection(BANK_VIEW).find({}).sort({ _id: 1 }).toArray();
  const liaisons = await db.collection(LIAISON_VIEW).find({}).sort({ _id: 1 }).toArray();
  return { banks, liaisons };
}

async function until(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the read model');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('bank read model', () => {
  it('when bank and liaison events are published, then the model follows them; a replay into an empty model rebuilds it equal', async () => {
    const icbc = newId();
    const abc = newId();
    const [l1, l2, l3] = [newId(), newId(), newId()];
    await publish([
      bankEnvelope('bank.registered', icbc, 1, bankSnapshot(icbc, 1)),
      bankEnvelope('liaison.added', icbc, 2, liaisonSnapshot(icbc, l1, 1)),
      bankEnvelope('liaison.added', icbc, 3, liaisonSnapshot(icbc, l2, 2)),
      bankEnvelope('liaison.updated', icbc, 4, liaisonSnapshot(icbc, l2, 2, false)),
      bankEnvelope('bank.registered', abc, 1, bankSnapshot(abc, 2)),
      bankEnvelope('liaison.added', abc, 2, liaisonSnapshot(abc, l3, 3)),
      bankEnvelope('bank.suspended', abc, 3, bankSnapshot(abc, 2, 'suspended')),
      bankEnvelope('liaison.removed', icbc, 5, { bankId: icbc, liaisonId: l1 }),
    ]);

    const first = bankConsumer({ kafka, db: live, log }, topic, `${env.id}-live`);
    await first.start();
    const repo = bankRepository(bankViewModel(live), liaisonViewModel(live));
    try {
      // Until the last event of each bank is applied: l1 removed (icbc seq 5), abc suspended (seq 3).
      const liaisons = liaisonViewModel(live);
      const banks = bankViewModel(live);
      await until(
        async () =>
          (await liaisons.findById(l1).lean())?.removed === true &&
          (await banks.findById(abc).lean())?.status === 'suspended',
      );
    } finally {
      await first.stop();
    }
    expect(await repo.notActive([icbc, abc])).toEqual([abc]);
    expect(await repo.isActiveLiaison(l2, icbc)).toBe(false); // deactivated
    expect(await repo.isActiveLiaison(l1, icbc)).toBe(false); // removed
    expect(await repo.isActiveLiaison(l3, abc)).toBe(true); // active, though the bank is suspended

    // A new consumer group from the beginning of the topic, into an empty database.
    const second = bankConsumer(
      { kafka, db: replay, log },
      topic,
      `${env.id}-replay-${randomUUID().slice(0, 6)}`,
    );
    await second.start();
    const expected = await snapshotOf(live);
    try {
      await until(
        async () => JSON.stringify(await snapshotOf(replay)) === JSON.stringify(expected),
      );
    } finally {
      await second.stop();
    }
    expect(await snapshotOf(replay)).toEqual(expected);
  });

  it('when an event is delivered again or an older one arrives late, then the model does not change', async () => {
    const id = newId();
    const registered = bankEnvelope('bank.registered', id, 1, bankSnapshot(id, 7));
    const suspended = bankEnvelope('bank.suspended', id, 2, bankSnapshot(id, 7, 'suspended'));
    await publish([registered, suspended, registered, suspended]);
    const consumer = bankConsumer({ kafka, db: live, log }, topic, `${env.id}-dup`);
    await consumer.start();
    const banks = bankViewModel(live);
    try {
      await until(async () => (await banks.findById(id).lean())?.status === 'suspended');
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await consumer.stop();
    }
    expect(await banks.findById(id).lean()).toMatchObject({ sequence: 2, status: 'suspended' });
  });
});
