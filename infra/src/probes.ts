// Checks that each server really answers its protocol: a Kafka metadata request, a MongoDB ping, a PostgreSQL session, an SMTP greeting.
import { connect } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import type { StackEndpoints } from './settings.ts';

export async function probeKafka(brokers: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'lianxin-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1500,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no broker in the cluster metadata');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function probeMongo(url: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1500, connectTimeoutMS: 1500 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

/**
 * Opens a PostgreSQL session (protocol 3.0, trust authentication) and waits for ReadyForQuery;
 * an ErrorResponse ("the database system is starting up") rejects. No client library needed.
 */
export async function probePostgres(url: string): Promise<void> {
  const u = new URL(url);
  const params = `user\0${u.username || 'postgres'}\0database\0${u.pathname.slice(1) || 'postgres'}\0\0`;
  const body = Buffer.concat([Buffer.from([0, 3, 0, 0]), Buffer.from(params, 'utf8')]);
  const startup = Buffer.alloc(4 + body.length);
  startup.writeInt32BE(startup.length, 0);
  body.copy(startup, 4);
  await new Promise<void>((resolvePromise, reject) => {
    const socket = connect({ host: u.hostname, port: Number(u.port) || 5432 });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no PostgreSQL session within 1.5 s'));
    }, 1500);
    let buf = Buffer.alloc(0);
    const finish = (err?: Error): void => {
      clearTimeout(timer);
      socket.end(Buffer.from([0x58, 0, 0, 0, 4])); // Terminate
      if (err) reject(err);
      else resolvePromise();
    };
    socket.on('connect', () => socket.write(startup));
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 5) {
        const type = String.fromCharCode(buf[0] ?? 0);
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) return;
        const payload = buf.subarray(5, 1 + len);
        buf = buf.subarray(1 + len);
        if (type === 'Z') {
          finish();
          return;
        }
        if (type === 'E') {
          const fields = payload.toString('utf8').split('\0');
          const message = fields.find((f) => f.startsWith('M'))?.slice(1) ?? 'error';
          finish(new Error(`PostgreSQL: ${message}`));
          return;
        }
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Reads the server's first line and expects `220`; then says QUIT. */
export async function probeSmtp(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  await new Promise<void>((resolvePromise, reject) => {
    const socket = connect({ host: hostname, port: Number(port) || 25 });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no SMTP greeting within 1.5 s'));
    }, 1500);
    let buf = '';
    socket.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      if (!buf.includes('\n')) return;
      clearTimeout(timer);
      socket.end('QUIT\r\n');
      if (buf.startsWith('220')) resolvePromise();
      else reject(new Error(`unexpected SMTP greeting: ${buf.trim()}`));
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export async function probeMailApi(apiUrl: string): Promise<void> {
  const res = await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(1500) });
  if (!res.ok) throw new Error(`mail API /healthz answered ${res.status}`);
}

export type ProbeName = 'kafka' | 'database' | 'postgres' | 'smtp' | 'mailApi';

export const probesFor = (e: StackEndpoints): Record<ProbeName, () => Promise<void>> => ({
  kafka: () => probeKafka(e.kafkaBrokers),
  database: () => probeMongo(e.mongoUrl),
  postgres: () =>
    e.postgresUrl === undefined
      ? Promise.reject(new Error('the stack runs FerretDB on SQLite: no PostgreSQL'))
      : probePostgres(e.postgresUrl),
  smtp: () => probeSmtp(e.smtpUrl),
  mailApi: () => probeMailApi(e.mailApiUrl),
});

/** Tries `probe` at least once, then until it passes or `timeoutMs` runs out; returns the last error. */
export async function waitFor(
  probe: () => Promise<void>,
  timeoutMs: number,
  stillAlive: () => boolean = () => true,
): Promise<Error | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await probe();
      return undefined;
    } catch (err) {
      const last = err instanceof Error ? err : new Error(String(err));
      if (!stillAlive()) return new Error(`the process exited (${last.message})`);
      if (Date.now() >= deadline) return last;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
