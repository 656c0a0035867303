// Retention of deliveries: finished ones past the retention (and past any replay) go with their claims; pending and retrying ones never.
import { serviceHarness } from '@lianxin/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { notifierService } from '../service.ts';
import { deliveries, notifierEnv } from '../test-support/bus.ts';
import type { Outcome } from './delivery.repository.ts';
import { deliveryRetentionJob, pruneDeliveries, retentionCutoff } from './prune-deliveries.ts';

// No dispatcher: the test claims and completes deliveries itself, as a dispatcher would.
const h = await serviceHarness(import.meta.url, notifierService, {
  ...notifierEnv(),
  components: false,
});
const DAY = 24 * 3_600_000;
const store = h.deps.deliveries;
const topics = notifierService.topics.map(h.topic);
const options = {
  store,
  kafka: h.ctx.kafka,
  topics,
  retentionDays: 1,
  now: () => new Date(),
  log: pino({ level: 'silent' }),
};

let n = 0;
/** A delivery planned, claimed and completed with `outcome`, then last changed `ageMs` ago. */
async function delivery(outcome: Outcome['status'] | 'pending', ageMs: number) {
  n += 1;
  const key = `retention-${n}-${h.env.id}`;
  const now = new Date();
  await store.plan(
    [
      {
        key,
        eventId: key,
        eventType: 'account.activation_requested',
        content: {
          template: 'activation',
          data: { name: '王芳', role: 'liaison', url: 'https://x.example.cn/a', expiresAt: '' },
        },
        recipient: { email: `r${n}.${h.env.id}@bank.example.cn`, name: null },
        language: 'zh',
        dueAt: now,
      },
    ],
    now,
  );
  const [planned] = await h.models.deliveries.find({ key }).lean();
  if (planned === undefined) throw new Error('not planned');
  if (outcome !== 'pending') {
    const [doc] = await store.claim([planned], now, 60_000, 'test');
    if (doc === undefined) throw new Error('not claimed');
    const at = now;
    const outcomes: Record<Outcome['status'], Outcome> = {
      sent: { status: 'sent', at, messageId: '<m@x>', response: '250 ok' },
      dead: { status: 'dead', at, code: 'EENVELOPE', response: '550 no such user' },
      cancelled: { status: 'cancelled', at, reason: 'too late' },
      retry: { status: 'retry', at, dueAt: new Date(at.getTime() + DAY), code: null, response: '' },
    };
    await store.complete([{ doc, outcome: outcomes[outcome] }]);
  }
  // Age it, below the model so the timestamps plugin does not put `updatedAt` back to now.
  await h.models.deliveries.collection.updateOne(
    { _id: planned._id as never },
    { $set: { updatedAt: new Date(Date.now() - ageMs), createdAt: new Date(Date.now() - ageMs) } },
  );
  return planned._id;
}

const claimsOf = (id: string) => h.models.claims.countDocuments({ _id: `${id}:0` });

describe('delivery retention', () => {
  it('when the topics keep events a week, then the cut-off is a week and a day back even with a one-day retention', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(retentionCutoff(now, 1, 7 * DAY).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(retentionCutoff(now, 90, 7 * DAY).toISOString()).toBe('2026-09-02T00:00:00.000Z');
    expect(retentionCutoff(now, 30, null).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('when deliveries of every state are a month old, then the sent, dead and cancelled ones go with their claims, and pending and retrying ones stay', async () => {
    const old = 30 * DAY;
    const gone = await Promise.all([
      delivery('sent', old),
      delivery('dead', old),
      delivery('cancelled', old),
    ]);
    const kept = await Promise.all([
      delivery('pending', old),
      delivery('retry', old),
      // Finished but younger than the topics' retention: a redelivery of its event must still find it.
      delivery('sent', 2 * DAY),
    ]);
    expect(await Promise.all(gone.map(claimsOf))).toEqual([1, 1, 1]);

    const result = await pruneDeliveries(options);
    expect(result.deleted).toBeGreaterThanOrEqual(3);
    const left = new Set((await deliveries(h)).map((d) => d._id));
    expect(gone.filter((id) => left.has(id))).toEqual([]);
    expect(kept.filter((id) => !left.has(id))).toEqual([]);
    expect(await Promise.all(gone.map(claimsOf))).toEqual([0, 0, 0]);
    // The retrying one keeps its claim: it is the record of the attempt made.
    expect(await claimsOf(kept[1])).toBe(1);
  });

  it('when a finished delivery is put back to pending by a retry after it was listed, then the delete leaves it', async () => {
    const id = await delivery('dead', 30 * DAY);
    const listed = await store.finishedBefore(new Date(Date.now() - 8 * DAY), 500);
    expect(listed.map((d) => d._id)).toContain(id);
    await store.retry(id, new Date());
    await store.deleteFinished(listed.filter((d) => d._id === id));
    expect((await store.get(id))?.status).toBe('pending');
  });

  it('when two replicas run the retention job at once, then one pass runs and the other is skipped by the lease', async () => {
    const id = await delivery('sent', 30 * DAY);
    const jobs = [1, 2].map(() =>
      deliveryRetentionJob({ ...options, connection: h.db, intervalMs: 3_600_000 }),
    );
    const outcomes = await Promise.all(jobs.map((j) => j.tick()));
    expect(outcomes.sort()).toEqual(['ran', 'skipped-leased']);
    expect(await store.get(id)).toBeNull();
    await Promise.all(jobs.map((j) => j.stop()));
  });
});
