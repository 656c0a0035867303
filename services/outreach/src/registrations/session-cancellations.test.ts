// Cancelling a session with 1,000 registrations (issue 10, defect 3): the answer comes at once, the registrations
// follow in the background with their events, and a worker killed half-way is resumed by the next process.
import { AnyEnvelope, Topics } from '@lianxin/contracts';
import { databaseKind, readTopic, serviceHarness } from '@lianxin/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import {
  untilRegistrationsCancelled,
  scheduleForum,
  seedBanks,
  token,
} from '../test-support/fixtures.ts';
import { startOutreach, type OutreachProcess } from '../test-support/outreach-process.ts';
import { seedConfirmed } from '../test-support/seed-registrations.ts';

// FerretDB's SQLite backend is the fallback for machines without PostgreSQL, not for data of any
// size (ADR 012): every write scans its collection, so there the drill runs on 200 registrations;
// on PostgreSQL and MongoDB it runs the 1,000 of the issue; either way it reports its rate.
// Components off: the cancel's kick runs the job's pass here, and the processes of the second test
// are the only other cancellers. Relay off: the first test measures the cancellation alone, then
// the publication of its events (flush); the second test's processes publish their own.
const h = await serviceHarness(import.meta.url, outreachService, {
  components: false,
  relay: false,
});
const banks = await seedBanks(h.db, 12);
const onSqlite = h.db.db !== undefined && (await databaseKind(h.db.db)) === 'ferretdb-sqlite';
const COUNT = onSqlite ? 200 : 1_000;
const processes: OutreachProcess[] = [];
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) await p.kill9();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cancelledCount(sessionId: string): Promise<number> {
  return h.models.registrations.countDocuments({ sessionId, status: 'cancelled' });
}

/** Every registration's `registration.cancelled` on Kafka, by registration (distinct event ids). */
async function cancelEvents(
  sessionId: string,
  ids: readonly string[],
): Promise<Map<string, Set<number>>> {
  const wanted = new Set(ids);
  const msgs = await readTopic(h.env.kafkaBrokers, h.topic(Topics.registrations), {
    until: (m) =>
      new Set(
        m
          // Registration events travel keyed by their session.
          .filter(
            (x) => x.key === sessionId && x.headers['event-type'] === 'registration.cancelled',
          )
          .map((x) => x.headers['event-id']),
      ).size >= ids.length,
    timeoutMs: 120_000,
  });
  const byId = new Map<string, { subject: string; sequence: number }>();
  for (const m of msgs) {
    const e = AnyEnvelope.parse(JSON.parse(m.value ?? 'null'));
    if (e.type === 'registration.cancelled' && wanted.has(e.subject)) byId.set(e.id, e);
  }
  const out = new Map<string, Set<number>>();
  for (const e of byId.values())
    out.set(e.subject, (out.get(e.subject) ?? new Set()).add(e.sequence));
  return out;
}

describe('cancelling a session with 1,000 registrations (200 on SQLite)', () => {
  it('when the session is cancelled, then it answers 202 at once and every registration is cancelled in the background with its event', async () => {
    const sessionId = await scheduleForum(h, banks, { capacity: COUNT, perBankQuota: null });
    const ids = await seedConfirmed(h, sessionId, banks, COUNT);
    const coordinator = await token({ sub: 'coord-c', role: 'coordinator', name: '协调员' });

    const started = Date.now();
    const res = await h.app.inject({
      method: 'POST',
      url: `/sessions/${sessionId}/cancel`,
      headers: { authorization: `Bearer ${coordinator}` },
      payload: { reason: '台风预警' },
    });
    const answeredMs = Date.now() - started;
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancellingRegistrations: true });
    expect(answeredMs).toBeLessThan(2_000);
    // Answered before the background work could have got far.
    expect(await cancelledCount(sessionId)).toBeLessThan(COUNT);

    await untilRegistrationsCancelled(h, sessionId, 240_000);
    const elapsedS = (Date.now() - started) / 1000;
    const perSecond = COUNT / elapsedS;
    console.info(
      `cancel of ${COUNT}: answered in ${answeredMs} ms, all cancelled after ${elapsedS.toFixed(1)} s (${perSecond.toFixed(0)}/s)`,
    );
    // The rate is a figure for the closing note, not an assertion: speed is measured by
    // benchmarks, and a shared CI machine under load halves it (18–79/s vs 178/s quiet).
    const regs = await h.models.registrations.find({ sessionId }, { outbox: 0 }).lean();
    expect(regs).toHaveLength(COUNT);
    expect(new Set(regs.map((r) => `${r.status}:${r.cancellation?.reason ?? ''}`))).toEqual(
      new Set(['cancelled:session_cancelled']),
    );
    const session = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
    expect(session?.cancellingRegistrations).toBe(false);

    const publishStarted = Date.now();
    await h.flush();
    const events = await cancelEvents(sessionId, ids);
    console.info(
      `cancel of ${COUNT}: events published in ${((Date.now() - publishStarted) / 1000).toFixed(1)} s`,
    );
    for (const id of ids) expect([...(events.get(id) ?? [])]).toEqual([2]);
  }, 240_000);

  it('when the process cancelling them is killed half-way, then the next process resumes, and each registration is cancelled once', async () => {
    const sessionId = await scheduleForum(h, banks, { capacity: COUNT, perBankQuota: null });
    const ids = await seedConfirmed(h, sessionId, banks, COUNT);
    const coordinator = await token({ sub: 'coord-k', role: 'coordinator', name: '协调员' });
    const env = { SESSION_CANCEL_INTERVAL_MS: '500' };
    const first = await startOutreach(h, env);
    processes.push(first);

    const res = await fetch(`${first.url}/sessions/${sessionId}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '场地停电' }),
    });
    expect(res.status).toBe(202);
    while ((await cancelledCount(sessionId)) < COUNT / 10) await sleep(20);
    await first.kill9();
    const atKill = await cancelledCount(sessionId);
    expect(atKill).toBeLessThan(COUNT);
    const flagged = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
    expect(flagged).toMatchObject({ status: 'cancelled', cancellingRegistrations: true });

    const second = await startOutreach(h, env);
    processes.push(second);
    const deadline = Date.now() + 240_000;
    for (;;) {
      const s = await h.models.sessions.findById(sessionId).lean<SessionDoc>();
      const pending = await h.models.registrations.countDocuments({
        sessionId,
        outboxPending: true,
      });
      if (s?.cancellingRegistrations === false && pending === 0) break;
      if (Date.now() > deadline) throw new Error('cancellation did not resume');
      await sleep(250);
    }
    console.info(`cancel killed after ${atKill} of ${COUNT}; resumed by the next process`);
    expect(await cancelledCount(sessionId)).toBe(COUNT);
    const events = await cancelEvents(sessionId, ids);
    for (const id of ids) expect([...(events.get(id) ?? [])]).toEqual([2]);
    await second.stop();
  }, 400_000);
});
