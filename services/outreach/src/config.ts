// The outreach service's configuration: the kit's fragments (`serviceEnv`) plus its own keys, parsed once at start-up.
import { randomBytes } from 'node:crypto';
import { envBool, envInt, envPort, loadConfig } from '@lianxin/platform/config';
import { serviceEnv } from '@lianxin/platform/service';
import { z } from 'zod';

export const OutreachConfig = z
  .object({
    ...serviceEnv.shape,
    PORT: envPort.default(4102),
    KAFKA_CLIENT_ID: serviceEnv.shape.KAFKA_CLIENT_ID.default('outreach'),
    /**
     * Signs check-in tokens (the QR codes); at least 32 characters. Required in production;
     * elsewhere a random one per process (tokens then do not survive a restart).
     */
    CHECK_IN_SECRET: z.string().min(32).optional(),
    /** The bank read model's consumer group (prefixed by KAFKA_TOPIC_PREFIX); a new name replays lianxin.banks.v1. */
    BANK_CONSUMER_GROUP: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/)
      .default('outreach-banks'),
    /** How often the reconciler finishes interrupted registrations (one pass at a time, ADR 009). */
    RECONCILE_INTERVAL_MS: envInt(1_000, 3_600_000).default(30_000),
    /** How long a `pending` registration is left to its own request before the reconciler settles it. */
    RECONCILE_GRACE_MS: envInt(1_000, 3_600_000).default(60_000),
    /** How often cancelled sessions' registrations are looked for, besides right after a cancel (ADR 010). */
    SESSION_CANCEL_INTERVAL_MS: envInt(500, 3_600_000).default(5_000),
    /**
     * The public feedback route (`POST /sessions/:id/feedback` with the short check-in code): wrong
     * codes a session may take per window before it answers 429 until the window ends (ADR 035).
     */
    PUBLIC_FEEDBACK_MAX_FAILURES: envInt(1, 100_000).default(100),
    PUBLIC_FEEDBACK_WINDOW_MS: envInt(1_000, 86_400_000).default(600_000),
    /** Load the Xianghe County demo after start (idempotent), once the bank read model has the partner banks. */
    LOAD_DEMO: envBool.default(false),
  })
  .transform((c, ctx) => {
    if (c.CHECK_IN_SECRET !== undefined) return { ...c, CHECK_IN_SECRET: c.CHECK_IN_SECRET };
    if (c.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['CHECK_IN_SECRET'],
        message: 'is required in production (32+ characters)',
      });
      return z.NEVER;
    }
    return { ...c, CHECK_IN_SECRET: randomBytes(32).toString('hex') };
  });
export type OutreachConfig = z.output<typeof OutreachConfig>;

export const loadOutreachConfig = (env: NodeJS.ProcessEnv): OutreachConfig =>
  loadConfig(OutreachConfig, env);
