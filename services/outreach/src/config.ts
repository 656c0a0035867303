// The outreach service's configuration: one zod schema over the environment, parsed once at start-up.
import {
  authEnv,
  envInt,
  envPort,
  httpEnv,
  kafkaEnv,
  logEnv,
  loadConfig,
  mongoEnv,
  envBool,
} from '@lianxin/platform/config';
import { z } from 'zod';

export const OutreachConfig = z.object({
  ...httpEnv.shape,
  ...mongoEnv.shape,
  ...kafkaEnv.shape,
  ...authEnv.shape,
  ...logEnv.shape,
  PORT: envPort.default(4102),
  KAFKA_CLIENT_ID: z.string().trim().min(1).default('outreach'),
  /** Signs check-in tokens (the QR codes); at least 32 characters. */
  CHECK_IN_SECRET: z.string().min(32),
  /** The bank read model's consumer group; a new name replays lianxin.banks.v1 from the start. */
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
  /** Prefixes every topic name (tests and drills run on topics of their own); empty in production. */
  TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,100}$/)
    .default(''),
  /** Load the Xianghe County demo at start (idempotent), once the bank read model has the partner banks. */
  LOAD_DEMO: envBool.default(false),
});
export type OutreachConfig = z.output<typeof OutreachConfig>;

export function loadOutreachConfig(): OutreachConfig {
  return loadConfig(OutreachConfig);
}
