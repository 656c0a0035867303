// The real outreach service as a child process on a test's database and topics: for kill -9 drills.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { testAuth } from '@lianxin/testing';
import type { Harness } from './fixtures.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface OutreachProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first answer of /healthz. */
  healthyAfterMs: number;
  /** Lines the process logged (pino JSON), for assertions on what it did. */
  logs: string[];
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });

/** Starts outreach (node + tsx loader, so the pid is the service's own) and waits until /healthz answers. */
export async function startOutreach(
  h: Harness,
  env: Record<string, string> = {},
): Promise<OutreachProcess> {
  const port = await freePort();
  const started = Date.now();
  const { JWT_PUBLIC_KEY_FILE: _file, ...inherited } = process.env;
  const { publicKey } = await testAuth();
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: repoRoot,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGO_URL: h.env.dbUrl,
      KAFKA_BROKERS: h.env.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: `${h.env.id}-outreach`,
      // Topics and consumer groups of the test file's own (the group gets the prefix too).
      KAFKA_TOPIC_PREFIX: h.env.topicPrefix,
      JWT_PUBLIC_KEY: publicKey,
      CHECK_IN_SECRET: h.deps.settings.checkInSecret,
      // The kit's rate limit is for people; a drill is many requests from one liaison.
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let buffered = '';
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    logs.push(...lines);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`outreach exited with ${child.exitCode}: ${logs.slice(-5).join('\n')}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('outreach did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    healthyAfterMs: Date.now() - started,
    logs,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** Polls GET /readyz until it answers 200; returns its last body. */
export async function untilReady(p: OutreachProcess, timeoutMs = 120_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${p.url}/readyz`);
    const body: unknown = await res.json();
    if (res.ok) return body;
    if (Date.now() > deadline) throw new Error(`not ready: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
