// The console's configuration: one zod schema over the environment, parsed once at start-up.
import { fileURLToPath } from 'node:url';
import { envBool, envInt, envPort, loadConfig } from '@lianxin/platform/config';
import { serviceEnv } from '@lianxin/platform/service';
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

// Env files often carry a PEM on one line with literal "\n" escapes.
const pemPrivateKey = z
  .string()
  .transform((raw) => raw.replace(/\\n/g, '\n').trim())
  .pipe(
    z.string().regex(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----$/, {
      error: 'must be a PEM private key (PKCS8, "-----BEGIN PRIVATE KEY-----")',
    }),
  );

export const ConsoleConfig = z.object({
  ...serviceEnv.shape,
  PORT: envPort.default(4100),
  KAFKA_CLIENT_ID: serviceEnv.shape.KAFKA_CLIENT_ID.default('console'),
  /** The Ed25519 key the gateway signs its per-request service tokens with (PKCS8 PEM)… */
  JWT_PRIVATE_KEY: pemPrivateKey.optional(),
  /** …or a path to it (the local stack's state directory). */
  JWT_PRIVATE_KEY_FILE: z.string().trim().min(1).optional(),
  /** Lifetime of a service token the gateway mints for one proxied request. */
  SERVICE_TOKEN_TTL_S: envInt(5, 600).default(60),
  /** Where the console is reached: activation links point here; https makes the cookie Secure. */
  PUBLIC_URL: httpUrl.default('http://127.0.0.1:4100'),
  /** Absolute lifetime of a sign-in session. */
  SESSION_TTL_HOURS: envInt(1, 24 * 30).default(12),
  /** How long an activation link stays valid. */
  ACTIVATION_TTL_HOURS: envInt(1, 24 * 30).default(72),
  /** Wrong passwords in a row that lock an account, and for how long. */
  LOGIN_MAX_FAILURES: envInt(1, 100).default(5),
  LOGIN_LOCK_MINUTES: envInt(1, 24 * 60).default(15),
  /**
   * The public feedback link (ADR 035): wrong check-in codes one client address may send per
   * window before the console answers 429 until the window ends. Generous, because a room on the
   * venue's Wi-Fi (or a carrier's NAT) shares one address and people mistype.
   */
  PUBLIC_FEEDBACK_MAX_FAILURES_PER_IP: envInt(1, 100_000).default(30),
  PUBLIC_FEEDBACK_WINDOW_MS: envInt(1_000, 86_400_000).default(600_000),
  BANKS_URL: httpUrl.default('http://127.0.0.1:4101'),
  OUTREACH_URL: httpUrl.default('http://127.0.0.1:4102'),
  CONTENT_URL: httpUrl.default('http://127.0.0.1:4103'),
  NOTIFIER_URL: httpUrl.default('http://127.0.0.1:4104'),
  INSIGHTS_URL: httpUrl.default('http://127.0.0.1:4105'),
  /** The web app's production build (`pnpm --filter @lianxin/console build:web`). */
  WEB_DIST: z
    .string()
    .trim()
    .min(1)
    .default(fileURLToPath(new URL('../web/dist', import.meta.url))),
  /** Create the demo accounts of each role in the background after start (idempotent). */
  LOAD_DEMO: envBool.default(false),
});
export type ConsoleConfig = z.output<typeof ConsoleConfig>;

export const loadConsoleConfig = (env: NodeJS.ProcessEnv): ConsoleConfig =>
  loadConfig(ConsoleConfig, env);
