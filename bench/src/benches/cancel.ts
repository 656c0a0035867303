// 7. Session cancel: a session with 1,000 registrations cancelled, until the last registration is; beside the same writes sent bare.
import type { Collection } from 'mongodb';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { fillSession } from './reads.ts';

/** The service's shape of the job (outreach's cancel-session-registrations.ts and its repository). */
const BATCH = 250;

/** A registration as the bench copies it: outreach's ids are strings. */
// A type alias (not an interface): only an alias is assignable to the driver's `Document`.
type RegDoc = {
  _id: string;
  sessionId: string;
  status: string;
  waitlist: unknown;
  version: number;
  outboxCount: number;
  outboxPending: boolean;
  outbox: { type: string; at: Date }[];
};

interface Cancelled {
  answerMs: number;
  perSecond: number;
}

async function untilNoneLive(
  regs: Collection<RegDoc>,
  sessionId: string,
  n: number,
): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const live = await regs.countDocuments({ sessionId, status: { $ne: 'cancelled' } });
    if (live === 0) return;
    if (Date.now() > deadline) throw new Error(`cancel: ${live} of ${n} still live after 30 min`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The ceiling: the same multi-document updates with one shared event, from the bench process
 * straight to the database in batches of the service's size — no reads, no service, no job.
 */
async function bareCancel(scratch: Collection<RegDoc>, docs: RegDoc[]): Promise<number> {
  await scratch.deleteMany({});
  await scratch.insertMany(docs.map((d) => ({ ...d, status: 'confirmed', outbox: [] })));
  const ids = docs.map((d) => d._id);
  const sessionId = docs[0]?.sessionId ?? '';
  const started = performance.now();
  for (let i = 0; i < ids.length; i += BATCH) {
    await scratch.updateMany(
      { sessionId, status: { $ne: 'cancelled' }, _id: { $in: ids.slice(i, i + BATCH) } },
      {
        $set: { status: 'cancelled', waitlist: null, outboxPending: true },
        $inc: { version: 1, outboxCount: 1 },
        $push: { outbox: { type: 'registration.cancelled', at: new Date() } },
      },
    );
  }
  return (ids.length / (performance.now() - started)) * 1000;
}

export async function cancel(ctx: BenchContext): Promise<Figure[]> {
  const sys = await ctx.system();
  const n = ctx.sizes.cancelRegistrations;
  const regs = sys.outreachDb.collection<RegDoc>('registrations');
  const scratch = sys.mongo.db(sys.dbName('cancel-ceiling')).collection<RegDoc>('registrations');
  const coordinator = await ctx.tokens.coordinator('bench-cancel');
  let lastDocs: RegDoc[] = [];
  const rounds = await alternate(
    `${ctx.backend.name} cancel`,
    ctx,
    async () => {
      if (lastDocs.length === 0) {
        // The first round has nothing to copy yet: fill a session of its own for the ceiling.
        const sid = await fillSession(ctx, n);
        lastDocs = await regs.find({ sessionId: sid }, { projection: { outbox: 0 } }).toArray();
      }
      return bareCancel(scratch, lastDocs);
    },
    async (): Promise<Cancelled> => {
      const sessionId = await fillSession(ctx, n);
      const started = performance.now();
      // 202: the session is cancelled, its registrations follow in the background (ADR 010).
      await sys.outreachApi.call(
        coordinator,
        'POST',
        `/sessions/${sessionId}/cancel`,
        { reason: '压测：活动取消' },
        202,
      );
      const answerMs = performance.now() - started;
      await untilNoneLive(regs, sessionId, n);
      const perSecond = (n / (performance.now() - started)) * 1000;
      lastDocs = await regs.find({ sessionId }, { projection: { outbox: 0 } }).toArray();
      return { answerMs, perSecond };
    },
    {
      ceiling: (c) => `${Math.round(c)} registrations/s`,
      lianxin: (l) =>
        `answered in ${Math.round(l.answerMs)} ms, ${Math.round(l.perSecond)} registrations/s`,
    },
  );
  const note = `POST /sessions/:id/cancel on a session of ${n.toLocaleString('en-US')} confirmed registrations, until none is live (polled every 100 ms); ceiling: the same conditional multi-document updates with one shared event, sent bare in batches of ${BATCH}`;
  return [
    figure(
      {
        bench: 'cancel',
        backend: ctx.backend.name,
        figure: `cancel: registrations cancelled per second (session of ${n.toLocaleString('en-US')})`,
        unit: 'registrations/s',
        better: 'higher',
        note,
      },
      rounds.lianxin.map((l) => l.perSecond),
      rounds.ceiling,
    ),
    figure(
      {
        bench: 'cancel',
        backend: ctx.backend.name,
        figure: 'cancel: the request answered (202)',
        unit: 'ms',
        better: 'lower',
        note: `${note}; no ceiling: the answer does not wait for the registrations`,
      },
      rounds.lianxin.map((l) => l.answerMs),
      null,
    ),
  ];
}
