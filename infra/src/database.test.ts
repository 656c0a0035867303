// The database of the local stack: PostgreSQL under FerretDB starts (never as root), answers, stops without leftovers and resets; SQLite is one setting away.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { silentReporter } from './console.ts';
import { freePort } from './processes.ts';
import { probePostgres } from './probes.ts';
import { loadSettings, type DbBackend, type StackSettings } from './settings.ts';
import { down, reset, status, up } from './stack.ts';

const dirs: string[] = [];
const stacks: StackSettings[] = [];
afterAll(async () => {
  for (const s of stacks) await down(silentReporter, s).catch(() => undefined);
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A stack of its own: a temporary state folder and free database ports, the shared cache. */
async function privateStack(dbBackend: DbBackend): Promise<StackSettings> {
  const base = loadSettings();
  const stateDir = await mkdtemp(join(tmpdir(), 'lianxin-db-'));
  dirs.push(stateDir);
  const s: StackSettings = {
    ...base,
    stateDir,
    dbBackend,
    ports: { ...base.ports, mongo: await freePort(), postgres: await freePort() },
  };
  stacks.push(s);
  return s;
}

/** The real uid a process runs as. */
function uidOf(pid: number): number {
  const line = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? -1);
}

async function backendOf(mongoUrl: string): Promise<string> {
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5_000 });
  try {
    const db = client.db('lx_backend_probe');
    await db.collection('probe').insertOne({ at: new Date() });
    const explained = await db.command({ explain: { find: 'probe', filter: {} } });
    await db.dropDatabase();
    const plan: unknown = (explained.queryPlanner as { Plan?: unknown } | undefined)?.Plan;
    return Array.isArray(plan) ? 'sqlite' : 'postgresql';
  } finally {
    await client.close();
  }
}

/**
 * Leaves `n` cursors open (each holds one of FerretDB's PostgreSQL pool connections until it
 * ends or times out), then asks for a write and a ping: true when both answer. With pgx's
 * default pool of 50 the write never came back and the whole stack was wedged.
 */
async function answersBesideOpenCursors(mongoUrl: string, n: number): Promise<boolean> {
  const client = new MongoClient(mongoUrl, { maxPoolSize: n + 10, socketTimeoutMS: 15_000 });
  try {
    const coll = client.db('lx_cursor_probe').collection('docs');
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ i })));
    const open = [];
    for (let k = 0; k < n; k += 1) {
      const cursor = coll.find({}, { batchSize: 2 });
      await cursor.next();
      open.push(cursor);
    }
    await coll.insertOne({ i: -1 });
    await client.db('lx_cursor_probe').command({ ping: 1 });
    await Promise.all(open.map((c) => c.close()));
    await client.db('lx_cursor_probe').dropDatabase();
    return true;
  } finally {
    await client.close();
  }
}

describe('local database', () => {
  it('when the stack starts FerretDB on PostgreSQL, then both answer, PostgreSQL runs unprivileged, down leaves nothing and reset deletes its data', async () => {
    const s = await privateStack('postgresql');
    const { endpoints, started } = await up(silentReporter, s, ['ferretdb']);
    expect(started.sort()).toEqual(['ferretdb', 'postgres']); // FerretDB's need came along
    expect(endpoints.postgresUrl).toBe(
      `postgres://postgres@127.0.0.1:${s.ports.postgres}/postgres`,
    );
    // 120 cursors left open: FerretDB's pool (200) still has room for a write and a ping.
    await probePostgres(endpoints.postgresUrl ?? '');
    expect(await backendOf(endpoints.mongoUrl)).toBe('postgresql');
    await expect(answersBesideOpenCursors(endpoints.mongoUrl, 120)).resolves.toBe(true);

    const rows = await status(s);
    const pg = rows.find((r) => r.name === 'postgres');
    expect(pg).toMatchObject({ state: 'running' });
    expect(rows.find((r) => r.name === 'ferretdb')).toMatchObject({ state: 'running' });
    const pids = rows.flatMap((r) => (r.pid === undefined ? [] : [r.pid]));
    expect(uidOf(pg?.pid ?? 0)).not.toBe(0);
    const log = await readFile(join(s.stateDir, 'logs', 'postgres.log'), 'utf8');
    expect(log).toContain('database system is ready to accept connections');

    const again = await up(silentReporter, s, ['ferretdb']);
    expect(again.started).toEqual([]);

    expect((await down(silentReporter, s)).sort()).toEqual(['ferretdb', 'postgres']);
    for (const pid of pids) expect(existsSync(`/proc/${pid}`)).toBe(false);
    const after = (await status(s)).filter((r) => r.name === 'postgres' || r.name === 'ferretdb');
    expect(after.map((r) => r.state)).toEqual(['stopped', 'stopped']);

    expect(existsSync(join(s.stateDir, 'postgres', 'data', 'PG_VERSION'))).toBe(true);
    await reset(silentReporter, s);
    expect(existsSync(join(s.stateDir, 'postgres'))).toBe(false);
  }, 180_000);

  it('when LIANXIN_DB_BACKEND is sqlite, then FerretDB runs on SQLite and no PostgreSQL is started', async () => {
    const s = await privateStack('sqlite');
    const { endpoints, started } = await up(silentReporter, s, ['ferretdb']);
    expect(started).toEqual(['ferretdb']);
    expect(endpoints.postgresUrl).toBeUndefined();
    expect(await backendOf(endpoints.mongoUrl)).toBe('sqlite');
    expect((await status(s)).map((r) => r.name)).not.toContain('postgres');
    await down(silentReporter, s);
    expect(() => loadSettings({ LIANXIN_DB_BACKEND: 'mysql' })).toThrow(
      /LIANXIN_DB_BACKEND must be one of postgresql, sqlite/,
    );
  }, 120_000);
});
