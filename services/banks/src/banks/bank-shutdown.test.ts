// The banks process under SIGTERM with 200 writes in flight: every accepted write's event reaches Kafka, every body is JSON, closing is ordered.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseEvent, Topics } from '@lianxin/contracts';
import { readTopic, testAuth, testEnv } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { bankBody } from '../test-support/fixtures.ts';

const repoRoot = join(import.meta.dirname, '../../../..');
const main = join(import.meta.dirname, '../main.ts');
const WRITES = 200;

interface LogLine {
  msg?: string;
  step?: string;
  address?: string;
}

function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const found = check();
      if (found !== undefined) resolve(found);
      else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

type Outcome =
  | { kind: 'answered'; status: number; json: boolean; id?: string; code?: string }
  | { kind: 'refused' };

describe('banks shutdown', () => {
  it('when SIGTERM arrives with 200 writes in flight, then every accepted write reaches Kafka, every answer is JSON, and the log shows the close order', async () => {
    const env = testEnv(import.meta.url);
    const auth = await testAuth();
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      cwd: repoRoot,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        MONGO_URL: env.dbUrl,
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: env.topicPrefix,
        KAFKA_CLIENT_ID: `${env.id}-banks`,
        JWT_PUBLIC_KEY: auth.publicKey,
        RATE_LIMIT_MAX: '0',
        // FerretDB on SQLite publishes ~10 events/s under this load: give the flush the time.
        SHUTDOWN_GRACE_MS: '90000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: LogLine[] = [];
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const parts = stdout.split('\n');
      stdout = parts.pop() ?? '';
      for (const part of parts) if (part.trim() !== '') lines.push(JSON.parse(part) as LogLine);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const address = await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr}`);
        return lines.find((l) => l.msg === 'listening')?.address;
      },
      'the service to listen',
      // A cold tsx start beside other test files on 2 cores; this test is about closing.
      90_000,
    );
    const token = await auth.token('coordinator');
    const write = async (): Promise<Outcome> => {
      try {
        const res = await fetch(`${address}/banks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(bankBody()),
        });
        const text = await res.text();
        answered += 1;
        if (answered === 20) stop();
        try {
          const body = JSON.parse(text) as { id?: string; error?: { code: string } };
          return {
            kind: 'answered',
            status: res.status,
            json: true,
            ...(body.id === undefined ? {} : { id: body.id }),
            ...(body.error === undefined ? {} : { code: body.error.code }),
          };
        } catch {
          return { kind: 'answered', status: res.status, json: false };
        }
      } catch {
        // Connection refused or closed before an answer: the write was not accepted.
        return { kind: 'refused' };
      }
    };
    let answered = 0;
    const late: Promise<Outcome>[] = [];
    // SIGTERM once 20 writes were answered, and 50 more writes sent while it closes.
    const stop = (): void => {
      child.kill('SIGTERM');
      for (let i = 0; i < 50; i += 1) late.push(write());
    };
    const first = await Promise.all(Array.from({ length: WRITES }, write));
    const outcomes = [...first, ...(await Promise.all(late))];
    expect(await exited).toBe(0);
    expect(stderr).toBe('');

    const replies = outcomes.filter((o) => o.kind === 'answered');
    expect(replies.every((o) => o.json)).toBe(true);
    const accepted = replies.filter((o) => o.status === 201).map((o) => o.id);
    expect(late).toHaveLength(50);
    expect(accepted.length).toBeGreaterThanOrEqual(20);
    for (const other of replies.filter((o) => o.status !== 201)) {
      expect(other).toMatchObject({ status: 503, code: 'SHUTTING_DOWN' });
    }

    const registered = new Set<string>();
    await readTopic(env.kafkaBrokers, env.topic(Topics.banks), {
      until: (messages) => {
        for (const m of messages) {
          const parsed = parseEvent(JSON.parse(m.value ?? 'null'));
          if (parsed.ok && parsed.event.type === 'bank.registered') {
            registered.add(parsed.event.subject);
          }
        }
        return accepted.every((id) => id !== undefined && registered.has(id));
      },
      timeoutMs: 30_000,
    });
    expect(accepted.filter((id) => id === undefined || !registered.has(id))).toEqual([]);

    const closed = lines.filter((l) => l.msg === 'closed').map((l) => l.step);
    expect(closed).toEqual(['http', 'banks.dedupe-prune', 'relay', 'database']);
    const flushAt = lines.findIndex((l) => l.msg === 'relay flushed');
    expect(flushAt).toBeGreaterThan(
      lines.findIndex((l) => l.step === 'http' && l.msg === 'closed'),
    );
  }, 240_000);
});
