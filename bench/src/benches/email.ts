// 4. Email: the notifier working through registration events to emails accepted by the SMTP server,
// beside a pooled nodemailer transport sending as many to the same server.
import { randomUUID } from 'node:crypto';
import { Topics } from '@lianxin/contracts';
import { benchTopic } from '../lib/run-scope.ts';
import { createKafka } from '@lianxin/platform/messaging';
import nodemailer from 'nodemailer';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { attendee, createBanks, scheduleForum, type System } from '../lib/system.ts';

const BODY =
  `您好，\n\n您已成功报名"反诈银警恳谈会"。活动时间：2026年12月8日 14:30，地点：香河县公安局三楼会议室。\n请携带本邮件中的签到码准时参加。\n\nHello, you are registered for the bank–police forum.\n`.repeat(
    3,
  );
/** The notifier's default SMTP_POOL_SIZE: the ceiling gets as many connections. */
const POOL = 5;
const BATCH = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ceilingRound(ctx: BenchContext): Promise<number> {
  const url = new URL(ctx.stack.smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: POOL,
    host: url.hostname,
    port: Number(url.port),
    secure: false,
    ignoreTLS: true,
  });
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: ctx.sizes.emails }, (_, i) =>
        transport.sendMail({
          from: '连心 Lianxin <noreply@lianxin.example.cn>',
          to: `bench-${i}@bench.example.cn`,
          subject: `报名确认 Registration confirmed (${i})`,
          text: BODY,
        }),
      ),
    );
    return ctx.sizes.emails / ((performance.now() - started) / 1000);
  } finally {
    transport.close();
  }
}

/** Resolves once `n` registration.confirmed events of the session are on Kafka (the relay has published them). */
async function untilOnKafka(ctx: BenchContext, sessionId: string, n: number): Promise<void> {
  const kafka = createKafka({
    brokers: ctx.stack.kafkaBrokers.split(','),
    clientId: 'bench-email',
  });
  const consumer = kafka.consumer({ groupId: `bench-email-${randomUUID()}` });
  const seen = { n: 0 };
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: benchTopic(Topics.registrations), fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const type = message.headers?.['event-type']?.toString();
        if (message.key?.toString() === sessionId && type === 'registration.confirmed') seen.n += 1;
        return Promise.resolve();
      },
    });
    const deadline = Date.now() + 300_000;
    while (seen.n < n && Date.now() < deadline) await sleep(100);
    if (seen.n < n) throw new Error(`only ${seen.n} of ${n} registration events reached Kafka`);
  } finally {
    await consumer.disconnect();
  }
}

async function lianxinRound(
  ctx: BenchContext,
  sys: System,
  start: NonNullable<System['startNotifier']>,
): Promise<number> {
  const { tokens, sizes } = ctx;
  // Each confirmed registration mails its attendee and the liaison who registered them.
  const registrations = Math.ceil(sizes.emails / 2);
  const banks = await createBanks(sys, tokens, 12, true);
  const liaisons = await Promise.all(banks.map((b) => tokens.liaison(b.bankId, b.liaisonId ?? '')));
  const sessionId = await scheduleForum(sys, tokens, banks, registrations, null);
  for (let b = 0; b * BATCH < registrations; b += 1) {
    const size = Math.min(BATCH, registrations - b * BATCH);
    await sys.outreachApi.call(
      liaisons[b % liaisons.length] ?? '',
      'POST',
      `/sessions/${sessionId}/registrations`,
      {
        attendees: Array.from({ length: size }, (_, i) => attendee(b * BATCH + i, true)),
      },
    );
  }
  await untilOnKafka(ctx, sessionId, registrations);

  // The events wait on Kafka; the clock runs from the notifier being ready to the last email accepted.
  const notifier = await start();
  const ready = performance.now();
  const coordinator = await tokens.coordinator();
  const expected = registrations * 2;
  try {
    const deadline = Date.now() + 600_000;
    for (;;) {
      const page = await fetch(
        `${notifier.url}/deliveries?sessionId=${sessionId}&template=confirmation&status=sent&pageSize=1`,
        { headers: { authorization: `Bearer ${coordinator}` } },
      );
      // A loaded database may time a list out: that is the notifier's answer to load, not the end.
      if (!page.ok) process.stderr.write(`  … GET /deliveries answered ${page.status}; retrying\n`);
      const total = page.ok ? ((await page.json()) as { total: number }).total : 0;
      if (total >= expected) break;
      if (Date.now() > deadline)
        throw new Error(
          `the notifier sent ${total} of ${expected} confirmations within 10 min (does another notifier on this broker share its consumer groups?)`,
        );
      await sleep(250);
    }
    return expected / ((performance.now() - ready) / 1000);
  } finally {
    await notifier.stop();
  }
}

export async function email(ctx: BenchContext): Promise<Figure[]> {
  const sys = await ctx.system();
  const start = sys.startNotifier;
  const rounds = await alternate(
    `${ctx.backend.name} email`,
    ctx,
    () => ceilingRound(ctx),
    () => (start === undefined ? Promise.resolve(Number.NaN) : lianxinRound(ctx, sys, start)),
    {
      ceiling: (c) => `${Math.round(c)} emails/s`,
      lianxin: (l) => (Number.isNaN(l) ? 'notifier not built yet' : `${Math.round(l)} emails/s`),
    },
  );
  return [
    figure(
      {
        bench: 'email',
        backend: ctx.backend.name,
        figure: `email: ${ctx.sizes.emails} deliveries to accepted by SMTP`,
        unit: 'emails/s',
        better: 'higher',
        note:
          start === undefined
            ? 'notifier not built yet'
            : `${Math.ceil(ctx.sizes.emails / 2)} registration.confirmed events waiting on Kafka (each mails the attendee and the liaison); the notifier is started and the clock runs from its /readyz to the last confirmation \`sent\` (its GET /deliveries); ceiling: a pooled nodemailer transport (${POOL} connections, the notifier's SMTP_POOL_SIZE) to the same SMTP server`,
      },
      start === undefined ? null : rounds.lianxin,
      rounds.ceiling,
    ),
  ];
}
