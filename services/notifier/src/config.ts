// The notifier's configuration: one zod schema over the environment, parsed once at start-up.
import { envInt, envPort, loadConfig } from '@lianxin/platform/config';
import { serviceEnv } from '@lianxin/platform/service';
import { z } from 'zod';

export const NotifierConfig = z.object({
  ...serviceEnv.shape,
  PORT: envPort.default(4104),
  KAFKA_CLIENT_ID: serviceEnv.shape.KAFKA_CLIENT_ID.default('notifier'),
  /** `smtp://host:port` (plain, as MailDev) or `smtps://user:pass@host:465`. */
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/\S+$/, { error: 'must be an smtp:// or smtps:// URL' }),
  /** Pooled SMTP connections, which is also how many emails are in flight at once. */
  SMTP_POOL_SIZE: envInt(1, 50).default(5),
  /** `Name <address>` or a bare address; also the calendar entries' organizer. */
  MAIL_FROM: z
    .string()
    .trim()
    .default('连心 Lianxin <noreply@lianxin.local>')
    .transform(parseSender)
    .pipe(z.object({ name: z.string(), email: z.email({ error: 'must hold an email address' }) })),
  /** Where links in emails point (the console in front of the services), without a trailing slash. */
  PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*[^/\s])?$/, {
      error: 'must be an http(s) URL without a trailing slash',
    })
    .default('http://127.0.0.1:4104'),
  /** Signs the one-click unsubscribe tokens; at least 32 characters. */
  UNSUBSCRIBE_SECRET: z.string().min(32),
  /** Attempts before a delivery that keeps failing temporarily is `dead`. */
  DELIVERY_MAX_ATTEMPTS: envInt(1, 50).default(8),
  /** First retry delay; each next one doubles, up to DELIVERY_BACKOFF_MAX_MS. */
  DELIVERY_BACKOFF_MS: envInt(10, 3_600_000).default(30_000),
  DELIVERY_BACKOFF_MAX_MS: envInt(10, 86_400_000).default(3_600_000),
  /** How often the dispatcher looks for due deliveries when nothing woke it. */
  DISPATCH_POLL_MS: envInt(20, 60_000).default(1_000),
  /**
   * While its passes find nothing due, the dispatcher's wait doubles up to this: an idle notifier
   * polls its database every 10 s, not every second. New deliveries planned here wake it at once;
   * a reminder or a retry falls due at most this late.
   */
  DISPATCH_IDLE_POLL_MS: envInt(20, 300_000).default(10_000),
  /** Deliveries claimed per round trip of the dispatcher. */
  DISPATCH_BATCH_SIZE: envInt(1, 1_000).default(100),
  /**
   * Days a finished delivery (sent, dead, cancelled) is kept for `GET /deliveries` and previews
   * before the retention job deletes it with its claims. Pending ones are never deleted.
   */
  DELIVERY_RETENTION_DAYS: envInt(1, 3_650).default(90),
  /** How often the retention job looks for deliveries past their retention. */
  RETENTION_CHECK_MS: envInt(1_000, 86_400_000).default(3_600_000),
  /** How often the weekly digest is checked for being due. */
  DIGEST_CHECK_MS: envInt(1_000, 86_400_000).default(600_000),
});
export type NotifierConfig = z.output<typeof NotifierConfig>;

function parseSender(raw: string): { name: string; email: string } {
  const match = /^(.*?)\s*<([^<>\s]+)>$/.exec(raw);
  return match?.[2] === undefined
    ? { name: '', email: raw }
    : { name: match[1] ?? '', email: match[2] };
}

export const loadNotifierConfig = (env: NodeJS.ProcessEnv): NotifierConfig =>
  loadConfig(NotifierConfig, env);
