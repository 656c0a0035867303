// `pnpm start`: brings the whole system up locally — infrastructure, then each service with its demo
// data — says what runs where, and keeps the services in the foreground until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { consoleReporter, loadSettings, portInUse, up } from '@lianxin/infra';
import { loadOrCreateDevKeys } from '@lianxin/platform/auth';
import { build as buildWeb } from 'vite';
import { DEMO_PASSWORD, DEMO_STAFF } from '../services/console/src/demo/demo-accounts.ts';

interface ServiceSpec {
  name: string;
  port: number;
  /** Database name of the service. */
  db: string;
  extraEnv?: Record<string, string>;
}

const settings = loadSettings();
const t0 = Date.now();
const { endpoints } = await up(consoleReporter, settings);
const keys = await loadOrCreateDevKeys(settings.stateDir);

/** A random secret of this clone's local stack, made once (production reads it from the environment). */
async function devSecret(name: string): Promise<string> {
  const file = join(settings.stateDir, 'secrets', name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}

/** A service's port: its default, or moved (beside a private stack on moved `LIANXIN_*_PORT`s). */
function servicePort(key: string, fallback: number): number {
  const raw = process.env[key];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${key} must be a TCP port`);
  return n;
}

const NOTIFIER_PORT = servicePort('LIANXIN_NOTIFIER_PORT', 4104);
const CONSOLE_PORT = servicePort('LIANXIN_CONSOLE_PORT', 4100);
const BANKS_PORT = servicePort('LIANXIN_BANKS_PORT', 4101);
const OUTREACH_PORT = servicePort('LIANXIN_OUTREACH_PORT', 4102);
const CONTENT_PORT = servicePort('LIANXIN_CONTENT_PORT', 4103);
const INSIGHTS_PORT = servicePort('LIANXIN_INSIGHTS_PORT', 4105);

// The console serves the web app's production build (no dev server): built now, a few seconds.
const webBuildStarted = Date.now();
await buildWeb({
  configFile: join(settings.repoRoot, 'services/console/web/vite.config.ts'),
  logLevel: 'warn',
});
consoleReporter.ok(
  `console web app built in ${((Date.now() - webBuildStarted) / 1000).toFixed(1)} s`,
);

/** Each service joins this list as it is built; banks first, since outreach's demo invites its banks. */
const SERVICES: ServiceSpec[] = [
  { name: 'banks', port: BANKS_PORT, db: 'lianxin_banks' },
  {
    name: 'outreach',
    port: OUTREACH_PORT,
    db: 'lianxin_outreach',
    extraEnv: { CHECK_IN_SECRET: await devSecret('check-in.secret') },
  },
  // After outreach: its session read model fills from lianxin.sessions.v1 (materials for the demo sessions).
  { name: 'content', port: CONTENT_PORT, db: 'lianxin_content' },
  // After outreach: its consumers replay banks and outreach from the start, so the demo's
  // invitations and confirmations land in the MailDev inbox.
  {
    name: 'notifier',
    port: NOTIFIER_PORT,
    db: 'lianxin_notifier',
    extraEnv: {
      SMTP_URL: endpoints.smtpUrl,
      UNSUBSCRIBE_SECRET: await devSecret('unsubscribe.secret'),
      PUBLIC_URL: `http://127.0.0.1:${NOTIFIER_PORT}`,
      // The demo's coordinator account arrives just after start: look for a due digest soon.
      DIGEST_CHECK_MS: '60000',
    },
  },
  // After the others: its facts consumer replays every topic, so the views show the demo's events.
  { name: 'insights', port: INSIGHTS_PORT, db: 'lianxin_insights' },
  // Last: its liaison accounts follow the banks topic, its gateway calls every service above.
  {
    name: 'console',
    port: CONSOLE_PORT,
    db: 'lianxin_console',
    extraEnv: {
      JWT_PRIVATE_KEY_FILE: keys.privateKeyPath,
      PUBLIC_URL: `http://127.0.0.1:${CONSOLE_PORT}`,
      BANKS_URL: `http://127.0.0.1:${BANKS_PORT}`,
      OUTREACH_URL: `http://127.0.0.1:${OUTREACH_PORT}`,
      CONTENT_URL: `http://127.0.0.1:${CONTENT_PORT}`,
      NOTIFIER_URL: `http://127.0.0.1:${NOTIFIER_PORT}`,
      INSIGHTS_URL: `http://127.0.0.1:${INSIGHTS_PORT}`,
    },
  },
];
const portOf = (name: string): number => SERVICES.find((x) => x.name === name)?.port ?? 0;
const logDir = join(settings.stateDir, 'logs');
await mkdir(logDir, { recursive: true });

async function waitReady(spec: ServiceSpec, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `${spec.name} exited with ${child.exitCode}; see ${join(logDir, `${spec.name}.log`)}`,
      );
    try {
      const res = await fetch(`http://127.0.0.1:${spec.port}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${spec.name} not ready within 60 s; see ${join(logDir, `${spec.name}.log`)}`);
}

const children: ChildProcess[] = [];
async function stopAll(): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) {
            resolve();
            return;
          }
          c.once('exit', () => {
            resolve();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
}
process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

try {
  for (const spec of SERVICES) {
    if (await portInUse('127.0.0.1', spec.port)) {
      throw new Error(
        `port ${spec.port} for ${spec.name} is in use — is \`pnpm start\` already running?`,
      );
    }
    const log = createWriteStream(join(logDir, `${spec.name}.log`), { flags: 'a' });
    const mongo = new URL(endpoints.mongoUrl);
    mongo.pathname = `/${spec.db}`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', `services/${spec.name}/src/main.ts`],
      {
        cwd: settings.repoRoot,
        env: {
          ...process.env,
          PORT: String(spec.port),
          HOST: '127.0.0.1',
          MONGO_URL: mongo.toString(),
          KAFKA_BROKERS: endpoints.kafkaBrokers,
          KAFKA_CLIENT_ID: spec.name,
          JWT_PUBLIC_KEY_FILE: keys.publicKeyPath,
          LOAD_DEMO: 'true',
          LOG_LEVEL: 'info',
          ...spec.extraEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    children.push(child);
    await waitReady(spec, child);
    consoleReporter.ok(`${spec.name} ready on http://127.0.0.1:${spec.port} (demo data loaded)`);
  }
} catch (err) {
  consoleReporter.warn(err instanceof Error ? err.message : String(err));
  await stopAll();
  process.exit(1);
}

/** The demo liaison's email, asked of the console as its demo coordinator would (sign in, list accounts). */
async function demoLiaisonEmail(): Promise<string | null> {
  const base = `http://127.0.0.1:${CONSOLE_PORT}`;
  try {
    const first = await fetch(`${base}/auth/session`);
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const preSession = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': csrfToken,
        cookie: preSession,
      },
      body: JSON.stringify({ email: DEMO_STAFF[0].email, password: DEMO_PASSWORD }),
    });
    const session = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const list = await fetch(`${base}/accounts?role=liaison&status=active`, {
      headers: { cookie: session },
    });
    const { items } = (await list.json()) as { items: { email: string }[] };
    return items[0]?.email ?? null;
  } catch {
    return null;
  }
}
const liaisonEmail = await demoLiaisonEmail();
const demoAccounts = [
  ...DEMO_STAFF.map((a) => `    ${a.role.padEnd(11)} ${a.email}`),
  `    ${'liaison'.padEnd(11)} ${liaisonEmail ?? '(none yet: the banks demo has no liaison)'}`,
].join('\n');

const inbox = endpoints.mailApiUrl.replace(/\/api$/, '');
const services = SERVICES.map(
  (s) =>
    `  ${s.name.padEnd(9)} http://127.0.0.1:${s.port}   API docs http://127.0.0.1:${s.port}/docs`,
).join('\n');
console.log(`
连心 Lianxin — running (up in ${((Date.now() - t0) / 1000).toFixed(1)} s)

  Console    http://127.0.0.1:${CONSOLE_PORT}   ← start here (中文 / English)
  Demo sign-in, password ${DEMO_PASSWORD} for each:
${demoAccounts}

${services}

  Kafka      ${endpoints.kafkaBrokers}
  Database   ${endpoints.mongoUrl}   (FerretDB on ${settings.dbBackend === 'postgresql' ? 'PostgreSQL' : 'SQLite'}; MongoDB protocol)
  SMTP       ${endpoints.smtpUrl}
  Mail inbox ${inbox}

Try it (in another terminal):
  TOKEN=$(pnpm --silent run token --role coordinator)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:${portOf('banks')}/banks
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:${portOf('outreach')}/sessions
  curl http://127.0.0.1:${portOf('content')}/bulletins            # published bulletins are public
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:${portOf('notifier')}/deliveries   (the demo's emails: ${inbox})
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:${portOf('insights')}/coverage/banks   (also /gaps, /exports/banks?format=xlsx)

Service logs: ${logDir}/<service>.log    Ctrl-C stops the services; \`pnpm infra down\` stops the infrastructure.
`);
