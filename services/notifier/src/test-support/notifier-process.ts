// Runs the real notifier (src/main.ts) as a child process on this test file's database, topics and a given SMTP server.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestEnv } from '@lianxin/testing';

const MAIN = join(import.meta.dirname, '..', 'main.ts');
const publicKey = generateKeyPairSync('ed25519')
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const secret = randomBytes(32).toString('hex');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

export interface NotifierProcess {
  child: ChildProcess;
  port: number;
  stop: () => Promise<void>;
}

export async function spawnNotifier(
  env: TestEnv,
  opts: { name: string; dbName: string; smtpUrl: string; logFile: string },
): Promise<NotifierProcess> {
  const port = await freePort();
  const url = new URL(env.mongoUrl);
  url.pathname = `/${opts.dbName}`;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGO_URL: url.toString(),
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: opts.name,
      KAFKA_TOPIC_PREFIX: env.topicPrefix,
      SMTP_URL: opts.smtpUrl,
      UNSUBSCRIBE_SECRET: secret,
      JWT_PUBLIC_KEY: publicKey,
      DISPATCH_POLL_MS: '200',
      DISPATCH_IDLE_POLL_MS: '200',
      DELIVERY_BACKOFF_MS: '200',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${opts.name} exited with ${child.exitCode}; see ${opts.logFile}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${opts.name} not ready within 60 s; see ${opts.logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
