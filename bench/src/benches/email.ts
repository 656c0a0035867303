// 4. Email: the notifier's deliveries from events to accepted by the SMTP server, beside a pooled nodemailer transport.
import nodemailer from 'nodemailer';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { notifierExists } from '../lib/system.ts';

const BODY =
  `您好，\n\n您已成功报名"反诈银警恳谈会"。活动时间：2026年12月8日 14:30，地点：香河县公安局三楼会议室。\n请携带本邮件中的签到码准时参加。\n\nHello, you are registered for the bank–police forum.\n`.repeat(
    3,
  );

async function ceilingRound(ctx: BenchContext): Promise<number> {
  const url = new URL(ctx.stack.smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 5,
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

export async function email(ctx: BenchContext): Promise<Figure[]> {
  // The notifier's path needs its process and an event source that makes one email each; until
  // services/notifier exists there is nothing to measure on Lianxin's side — no stand-in figure.
  const hasNotifier = notifierExists(ctx.stack.repoRoot);
  const rounds = await alternate(
    `${ctx.backend.name} email`,
    ctx,
    () => ceilingRound(ctx),
    () => Promise.resolve(Number.NaN),
    { ceiling: (c) => `${Math.round(c)} emails/s`, lianxin: () => 'notifier not built yet' },
  );
  return [
    figure(
      {
        bench: 'email',
        backend: ctx.backend.name,
        figure: `email: ${ctx.sizes.emails} deliveries to accepted by SMTP`,
        unit: 'emails/s',
        better: 'higher',
        note: hasNotifier
          ? 'notifier present but its path is not wired into the bench yet'
          : 'notifier not built yet',
      },
      null,
      rounds.ceiling,
    ),
  ];
}
