// Starts servers as detached processes and remembers them in pid files, so `down` stops only what `up` started.
import { spawn, execFile } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface ProcessRecord {
  name: string;
  pid: number;
  /** A string that must appear in the process's command line for it to still be ours. */
  marker: string;
  ports: number[];
  startedAt: string;
  log: string;
  /** What asks it to stop (PostgreSQL: SIGINT, a fast shutdown; SIGTERM would wait for clients). */
  stopSignal?: NodeJS.Signals;
}

export interface StartSpec {
  name: string;
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd: string;
  marker: string;
  ports: number[];
  stopSignal?: NodeJS.Signals;
}

const pidFile = (stateDir: string, name: string): string => join(stateDir, 'run', `${name}.json`);
export const logFile = (stateDir: string, name: string): string =>
  join(stateDir, 'logs', `${name}.log`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** The recorded process if it is still running and is still the program we started (pids get reused). */
export async function ownProcess(
  stateDir: string,
  name: string,
): Promise<ProcessRecord | undefined> {
  const file = pidFile(stateDir, name);
  if (!existsSync(file)) return undefined;
  const rec = JSON.parse(await readFile(file, 'utf8')) as ProcessRecord;
  if (isAlive(rec.pid) && commandLine(rec.pid).includes(rec.marker)) return rec;
  await rm(file, { force: true });
  return undefined;
}

export async function startProcess(stateDir: string, spec: StartSpec): Promise<ProcessRecord> {
  await mkdir(join(stateDir, 'run'), { recursive: true });
  await mkdir(join(stateDir, 'logs'), { recursive: true });
  const log = logFile(stateDir, spec.name);
  const fd = openSync(log, 'a');
  const child = spawn(spec.cmd, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', fd, fd],
    detached: true, // its own process group: survives this command, stopped as a group
  });
  closeSync(fd);
  const pid = await new Promise<number>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('spawn', () => {
      if (child.pid === undefined) reject(new Error(`${spec.name}: no pid`));
      else resolvePromise(child.pid);
    });
  });
  child.unref();
  const rec: ProcessRecord = {
    name: spec.name,
    pid,
    marker: spec.marker,
    ports: spec.ports,
    startedAt: new Date().toISOString(),
    log,
    ...(spec.stopSignal ? { stopSignal: spec.stopSignal } : {}),
  };
  await writeFile(pidFile(stateDir, spec.name), JSON.stringify(rec, null, 2));
  return rec;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Its stop signal (SIGTERM unless told), then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(
  stateDir: string,
  rec: ProcessRecord,
  graceMs = 20_000,
): Promise<void> {
  signalGroup(rec.pid, rec.stopSignal ?? 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(rec.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(rec.pid)) {
    signalGroup(rec.pid, 'SIGKILL');
    while (isAlive(rec.pid)) await new Promise((r) => setTimeout(r, 50));
  }
  await rm(pidFile(stateDir, rec.name), { force: true });
}

export async function portInUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolvePromise(false);
    });
    socket.once('error', () => {
      resolvePromise(false);
    });
  });
}

/** A TCP port free on loopback right now (for a private server beside the shared stack). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolvePromise(port);
      });
    });
  });
}

/** Names the process listening on `port`, where `ss` can tell; for messages only. */
export async function portHolder(port: number): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('ss', ['-Hltnp', `sport = :${port}`]);
    const m = /users:\(\("([^"]+)",pid=(\d+)/.exec(stdout);
    return m ? `${m[1] ?? '?'} (pid ${m[2] ?? '?'})` : 'another process';
  } catch {
    return 'another process';
  }
}
