// The database of the local stack: PostgreSQL (run as an unprivileged user) and FerretDB in front of it, or FerretDB on SQLite.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { probesFor } from './probes.ts';
import { provisionFerretDB, provisionPostgres, reachableByOthers } from './provision.ts';
import { run } from './run.ts';
import type { ServiceDef } from './service-def.ts';
import { FERRETDB_VERSION, POSTGRES_VERSION, type StackSettings } from './settings.ts';

/** PostgreSQL refuses to run as root; run as root (CI), the stack runs it as this user. */
export const PG_USER = 'lianxin-pg';

const exec = promisify(execFile);

async function idOf(flag: '-u' | '-g'): Promise<number | undefined> {
  try {
    return Number((await exec('id', [flag, PG_USER])).stdout.trim());
  } catch {
    return undefined;
  }
}

/** The unprivileged user's ids, creating the user (a system account, no home, no shell) if missing. */
async function pgUser(): Promise<{ uid: number; gid: number }> {
  if ((await idOf('-u')) === undefined) {
    const shell = existsSync('/usr/sbin/nologin') ? '/usr/sbin/nologin' : '/bin/false';
    await run(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent'].concat([
        '--shell',
        shell,
        PG_USER,
      ]),
      { cwd: '/' },
    );
  }
  const uid = await idOf('-u');
  const gid = await idOf('-g');
  if (uid === undefined || gid === undefined) throw new Error(`could not create user ${PG_USER}`);
  return { uid, gid };
}

/**
 * The command prefix that runs a PostgreSQL program: nothing for a normal user; as root,
 * `setpriv` to the unprivileged user — with the right to traverse folders it could not enter
 * otherwise (a clone under /root), because its data folder stays in the clone's `.lianxin/`.
 */
async function asPgUser(dataDir: string): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  const { uid, gid } = await pgUser();
  await chown(dataDir, uid, gid);
  const traverse = (await reachableByOthers(dataDir))
    ? []
    : ['--inh-caps=+dac_read_search', '--ambient-caps=+dac_read_search'];
  return ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', ...traverse, '--'];
}

async function initdb(bin: string, dataDir: string): Promise<void> {
  const version = join(dataDir, 'PG_VERSION');
  if (existsSync(version)) {
    const major = (await readFile(version, 'utf8')).trim();
    const { stdout } = await exec(join(bin, 'postgres'), ['--version']);
    if (!stdout.includes(` ${major}.`)) {
      throw new Error(
        `${dataDir} holds PostgreSQL ${major} data, but ${stdout.trim()} would run: \`pnpm infra reset\` deletes it`,
      );
    }
    return;
  }
  await rm(dataDir, { recursive: true, force: true }); // an interrupted initdb leaves a partial folder
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o700);
  const prefix = await asPgUser(dataDir);
  const argv = [
    ...prefix,
    join(bin, 'initdb'),
    ...['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--locale=C', '-A', 'trust', '--no-sync'],
  ];
  const [cmd = '', ...args] = argv;
  await run(cmd, args, { cwd: '/' });
}

export const postgres: ServiceDef = {
  name: 'postgres',
  describe: (e, s) =>
    `PostgreSQL ${s.postgresBin ? `(${s.postgresBin})` : POSTGRES_VERSION.replace(/\.0$/, '')}`.padEnd(
      25,
    ) + ` ${e.postgresUrl ?? ''}`,
  ports: (s) => [s.ports.postgres],
  prepare: async (s, out) => {
    const bin = await provisionPostgres(s, out);
    const dataDir = join(s.stateDir, 'postgres', 'data');
    await mkdir(join(s.stateDir, 'postgres'), { recursive: true });
    await initdb(bin, dataDir);
    const prefix = await asPgUser(dataDir);
    const settings = {
      listen_addresses: s.host,
      port: String(s.ports.postgres),
      unix_socket_directories: '', // TCP on loopback only: no socket folder to own
      // A commit returns before its WAL reaches the disk: a crash of the machine may lose the
      // last ~0.6 s of commits, never corrupts. Right for a development and test database.
      synchronous_commit: 'off',
      // FerretDB passes each filter key as a parameter of a prepared statement; a generic plan
      // cannot match `_jsonb -> $1` to the GIN index on `_jsonb -> 'k'` (ADR 012).
      plan_cache_mode: 'force_custom_plan',
      max_connections: '300',
      log_min_messages: 'warning',
      log_checkpoints: 'off',
    };
    const argv = [
      ...prefix,
      join(bin, 'postgres'),
      '-D',
      dataDir,
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];
    const [cmd = '', ...args] = argv;
    return {
      name: 'postgres',
      cmd,
      args,
      cwd: '/',
      marker: dataDir,
      ports: [s.ports.postgres],
      stopSignal: 'SIGINT',
    };
  },
  probe: (e) => probesFor(e).postgres,
};

function ferretdbArgs(s: StackSettings, dataDir: string): string[] {
  const args = ['-listen', `${s.host}:${s.ports.mongo}`, '-dir', dataDir];
  if (s.dbBackend === 'postgresql') {
    // FerretDB's pgx pool defaults to 50 connections. Writers queue on the serialiser's lock while
    // holding pool connections elsewhere (open queries of the same clients), and the write that
    // holds the lock then waits for a connection: with 50 the whole stack wedged under five
    // engineers' tests (a goroutine dump showed 72 requests in pgxpool.Acquire, 134 behind the
    // lock). 200 of PostgreSQL's 300 leaves room for every service and test file at once.
    args.push(
      '-postgresql-url',
      `postgres://postgres@${s.host}:${s.ports.postgres}/postgres?pool_max_conns=200`,
    );
  }
  return args;
}

export const ferretdb: ServiceDef = {
  name: 'ferretdb',
  describe: (e, s) =>
    `FerretDB ${FERRETDB_VERSION} (${s.dbBackend === 'postgresql' ? 'PostgreSQL' : 'SQLite'})`.padEnd(
      25,
    ) + ` ${e.mongoUrl}`,
  ports: (s) => [s.ports.mongo],
  needs: ['postgres'],
  prepare: async (s, out) => {
    const bin = await provisionFerretDB(s, out);
    const dataDir = join(s.stateDir, 'ferretdb');
    await mkdir(dataDir, { recursive: true });
    return {
      name: 'ferretdb',
      cmd: bin,
      args: ferretdbArgs(s, dataDir),
      env: { DO_NOT_TRACK: '1' },
      cwd: dataDir,
      marker: dataDir,
      ports: [s.ports.mongo],
    };
  },
  probe: (e) => probesFor(e).database,
};
