// Drill (issue 10, defect 1): kill -9 of the outreach process mid-burst, restart — every registration's events on
// Kafka are a gap-free sequence with no transition twice, and capacity held.
import { AnyEnvelope } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import {
  attendee,
  liaisonToken,
  scheduleForum,
  seedBanks,
  shuffle,
} from '../test-support/fixtures.ts';
import {
  startOutreach,
  untilReady,
  type OutreachProcess,
} from '../test-support/outreach-process.ts';
import type { RegistrationDoc } from './registration.model.ts';

const REQUESTS = 300;
const KILL_AFTER_ACKS = 20;
// Short, so the restarted process settles the orphans within the drill, and so that passes come
// often enough to overlap if anything let them.
const drillEnv = { RECONCILE_GRACE_MS: '3000', RECONCILE_INTERVAL_MS: '1000' };

// Components off: the processes under test are the only reconcilers of this database.
const h = await serviceHarness(import.meta.url, outreachService, { components: false });
const banks = await seedBanks(h.db, 12);
const processes: OutreachProcess[] = [];
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) await p.kill9();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(done: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('kill -9 mid-burst', () => {
  it('when outreach is killed after 20 of 300 registrations were acknowledged and restarted, then each registration has one gap-free event sequence with no transition twice, and capacity held', async () => {
    const capacity = 100;
    const quota = 10;
    const sessionId = await scheduleForum(h, banks, { capacity, perBankQuota: quota });
    const tokens = await Promise.all(banks.map((b) => liaisonToken(b)));
    const first = await startOutreach(h, drillEnv);
    processes.push(first);

    let acked = 0;
    let killed: Promise<void> | undefined;
    const jobs = shuffle(Array.from({ length: REQUESTS }, (_, n) => n)).map(async (n) => {
      try {
        const res = await fetch(`${first.url}/sessions/${sessionId}/registrations`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokens[n % tokens.length] ?? ''}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(attendee(n)),
        });
        if (res.status === 201) acked += 1;
        if (acked >= KILL_AFTER_ACKS) killed ??= first.kill9();
        return res.status;
      } catch {
        return 0; // the process died under it
      }
    });
    const statuses = await Promise.all(jobs);
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(acked).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    const acknowledged = statuses.filter((s) => s === 201).length;
    // The kill came mid-burst: some requests never got an answer.
    expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);

    const second = await startOutreach(h, drillEnv);
    processes.push(second);
    expect(second.healthyAfterMs).toBeLessThan(20_000);
    await untilReady(second);
    const { registrations, sessions } = h.models;
    await until(
      async () =>
        (await registrations.countDocuments({ sessionId, status: 'pending' })) === 0 &&
        (await registrations.countDocuments({ sessionId, outboxPending: true })) === 0,
      120_000,
      'every registration settled and published',
    );
    // A few more reconcile passes: none may add anything.
    await sleep(4_000);

    const regs = await registrations.find({ sessionId }, { outbox: 0 }).lean<RegistrationDoc[]>();
    expect(regs.length).toBeGreaterThanOrEqual(acknowledged);
    const expected = regs.reduce((n, r) => n + r.version, 0);
    const messages = await readTopic(h.env.kafkaBrokers, h.env.topic('lianxin.registrations.v1'), {
      until: (m) => new Set(m.map((x) => x.headers['event-id'])).size >= expected,
      timeoutMs: 60_000,
    });
    // A relay killed between publish and release re-publishes the same event (same id): consumers
    // dedupe that by id. What must never happen is a transition recorded twice under new ids.
    const byId = new Map<string, ReturnType<typeof AnyEnvelope.parse>>();
    for (const m of messages) {
      const e = AnyEnvelope.parse(JSON.parse(m.value ?? 'null'));
      byId.set(e.id, e);
    }
    const bySubject = new Map<string, { type: string; sequence: number }[]>();
    for (const e of byId.values()) {
      bySubject.set(e.subject, [...(bySubject.get(e.subject) ?? []), e]);
    }
    for (const reg of regs) {
      const events = (bySubject.get(reg._id) ?? []).sort((a, b) => a.sequence - b.sequence);
      expect(events.map((e) => e.sequence)).toEqual(
        Array.from({ length: reg.version }, (_, i) => i + 1),
      );
      const types = events.map((e) => e.type);
      expect(new Set(types).size, `${reg._id}: ${types.join(', ')}`).toBe(types.length);
      expect(types[0]).toMatch(/^registration\.(confirmed|waitlisted)$/);
    }
    expect(bySubject.size).toBe(regs.length);

    // Capacity held, and the ledger tells the same story as the registrations.
    const session = await sessions.findById(sessionId).lean<SessionDoc>();
    const confirmed = regs.filter((r) => r.status === 'confirmed');
    expect(confirmed.length).toBeLessThanOrEqual(capacity);
    expect(session?.confirmedCount).toBe(confirmed.length);
    expect(new Set(session?.seatHolders)).toEqual(new Set(confirmed.map((r) => r._id)));
    const perBank = new Map<string, number>();
    for (const r of confirmed) perBank.set(r.bankId, (perBank.get(r.bankId) ?? 0) + 1);
    for (const n of perBank.values()) expect(n).toBeLessThanOrEqual(quota);
    // The restarted process listened long before its start-up reconcile was done.
    await second.stop();
  }, 300_000);
});
