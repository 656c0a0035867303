// Reusable environment fragments; a service spreads their `.shape` into its own schema.
import { z } from 'zod';
import { envBool, envInt, envList, envPort } from './env-fields.ts';

/**
 * Fragments are plain `z.object`s without object-level refinements so that
 * `z.object({ ...httpEnv.shape, ...authEnv.shape, ... })` keeps working (zod refuses to
 * extend refined objects). Rules that span two keys are checked where the values are used.
 */

export const httpEnv = z.object({
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Services usually override this with `envPort.default(4102)`. */
  PORT: envPort,
});
export type HttpEnv = z.output<typeof httpEnv>;

export const mongoEnv = z.object({
  MONGO_URL: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, { error: 'must be a mongodb:// or mongodb+srv:// URL' }),
  MONGO_POOL_SIZE: envInt(1, 1000).default(10),
  MONGO_TIMEOUT_MS: envInt(100, 600_000).default(5000),
});
export type MongoEnv = z.output<typeof mongoEnv>;

const brokerAddress = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, { error: 'each broker must be host:port' });

export const kafkaEnv = z.object({
  KAFKA_BROKERS: envList(brokerAddress),
  KAFKA_CLIENT_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, { error: 'must be 1-100 of A-Z a-z 0-9 . _ -' }),
  KAFKA_TOPIC_PARTITIONS: envInt(1, 1000).default(3),
  /** 1 suits the single local broker; production sets 3. */
  KAFKA_TOPIC_REPLICATION_FACTOR: envInt(1, 10).default(1),
  /**
   * Prepended to every topic and consumer group name (default none; in group names its dots
   * become `-`, see service/kafka-names.ts), so a drill or a second
   * stack can share a broker without reading or writing the real topics.
   */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,60}$/, { error: 'must be up to 60 of A-Z a-z 0-9 . _ -' })
    .default(''),
});
export type KafkaEnv = z.output<typeof kafkaEnv>;

// Env files and orchestrators often carry a PEM on one line with literal "\n" escapes.
const pemPublicKey = z
  .string()
  .transform((raw) => raw.replace(/\\n/g, '\n').trim())
  .pipe(
    z.string().regex(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/, {
      error: 'must be a PEM public key (SPKI, "-----BEGIN PUBLIC KEY-----")',
    }),
  );

export const authEnv = z.object({
  /** The Ed25519 public key as PEM; production reads it from the environment. */
  JWT_PUBLIC_KEY: pemPublicKey.optional(),
  /** Or a path to that PEM file; the local stack points this into its state directory. */
  JWT_PUBLIC_KEY_FILE: z.string().trim().min(1).optional(),
  JWT_ISSUER: z.string().trim().min(1).default('lianxin'),
  JWT_AUDIENCE: z.string().trim().min(1).default('lianxin-api'),
});
export type AuthEnv = z.output<typeof authEnv>;

// CI systems set CI to "true", "1" or their own name; only an explicit negative means "not CI".
const ciFlag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && !/^(false|0|no|off)$/i.test(v.trim()));

export const logEnv = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CI: ciFlag,
});
export type LogEnv = z.output<typeof logEnv>;

export const rateLimitEnv = z.object({
  /** Requests per signed-in user (else per IP) and window; 0 turns the limiter off. */
  RATE_LIMIT_MAX: envInt(0, 10_000_000).default(300),
  RATE_LIMIT_WINDOW_MS: envInt(1_000, 86_400_000).default(60_000),
});
export type RateLimitEnv = z.output<typeof rateLimitEnv>;

export const runtimeEnv = z.object({
  /**
   * `development` and `test` build indexes at start and answer an undeclared error code with
   * a 500 naming it; `production` does neither (indexes: `pnpm --filter <svc> sync-indexes`).
   */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /**
   * How long closing may take in all (SIGTERM → exit). The relay flushes pending events until
   * 3 s before it; what it can't publish stays in the outbox for the next start. Keep it below
   * the orchestrator's grace period (Kubernetes: 30 s).
   */
  SHUTDOWN_GRACE_MS: envInt(5_000, 600_000).default(25_000),
  /**
   * In production (no `autoIndex`), build the declared indexes at start, awaited and logged
   * before listening (`createIndexes`: adds what is missing, drops nothing). `false` when a
   * deploy step builds them instead.
   */
  DB_SYNC_INDEXES: envBool.default(true),
  /** How often consumer dedupe marks older than the topics' retention are pruned. */
  DEDUPE_PRUNE_INTERVAL_MS: envInt(60_000, 86_400_000).default(3_600_000),
});
export type RuntimeEnv = z.output<typeof runtimeEnv>;
