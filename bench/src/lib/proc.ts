// Linux /proc readings: a process's resident memory, CPU time, and which processes serve a TCP port.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended, or is not ours to read
  }
}

/** Resident set size in bytes, or undefined once the process is gone. */
export function rssBytes(pid: number): number | undefined {
  const status = read(`/proc/${pid}/status`);
  const kb = status?.match(/^VmRSS:\s+(\d+) kB/m)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

interface Stat {
  ppid: number;
  /** user + system CPU seconds. */
  cpuSeconds: number;
}

function stat(pid: number): Stat | undefined {
  const raw = read(`/proc/${pid}/stat`);
  if (raw === undefined) return undefined;
  // The command name (field 2) may hold spaces and parentheses: split after its closing one.
  const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  const num = (i: number): number => Number(fields[i] ?? Number.NaN);
  return { ppid: num(1), cpuSeconds: (num(11) + num(12)) / TICKS_PER_SECOND };
}

/** CPU seconds (user + system) used so far by these processes together. */
export function cpuSeconds(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (stat(pid)?.cpuSeconds ?? 0), 0);
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The process and all its descendants. */
export function withDescendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const ppid = stat(pid)?.ppid;
    if (ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (pid === undefined) break;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

interface Socket {
  localPort: number;
  remotePort: number;
  listening: boolean;
  inode: string;
}

function sockets(): Socket[] {
  const out: Socket[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(file) ?? '').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const local = f[1];
      const remote = f[2];
      if (local === undefined || remote === undefined || f[9] === undefined) continue;
      out.push({
        localPort: parseInt(local.split(':')[1] ?? '0', 16),
        remotePort: parseInt(remote.split(':')[1] ?? '0', 16),
        listening: f[3] === '0A',
        inode: f[9],
      });
    }
  }
  return out;
}

function socketInodesOf(pid: number): Set<string> {
  const inodes = new Set<string>();
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const m = readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
      if (m?.[1] !== undefined) inodes.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/** The pid listening on a local TCP port, if this user can see it. */
export function listenerOf(port: number): number | undefined {
  const inode = sockets().find((s) => s.listening && s.localPort === port)?.inode;
  if (inode === undefined) return undefined;
  return allPids().find((pid) => socketInodesOf(pid).has(inode));
}

/**
 * The processes that make up the database behind a MongoDB-protocol port: FerretDB (the
 * listener) plus, for the PostgreSQL backend, the server it is connected to and its backends.
 * Found from the sockets, so it needs no pid files and works for any backend layout.
 */
export function databaseProcesses(mongoPort: number): number[] {
  const ferret = listenerOf(mongoPort);
  if (ferret === undefined) return [];
  const mine = socketInodesOf(ferret);
  const all = sockets();
  const upstreamPorts = new Set(
    all
      .filter((s) => !s.listening && mine.has(s.inode) && s.localPort !== mongoPort)
      .map((s) => s.remotePort),
  );
  const pids = new Set([ferret]);
  for (const port of upstreamPorts) {
    const server = listenerOf(port);
    if (server !== undefined && server !== ferret)
      for (const p of withDescendants(server)) pids.add(p);
  }
  return [...pids];
}

/** Samples the resident memory of some processes every `everyMs` and keeps each one's peak. */
export class RssSampler {
  private readonly peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pids: readonly number[],
    private readonly everyMs = 100,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => {
      this.sample();
    }, this.everyMs);
  }

  stop(): Map<number, number> {
    clearInterval(this.timer);
    this.sample();
    return this.peaks;
  }

  private sample(): void {
    for (const pid of this.pids) {
      const rss = rssBytes(pid);
      if (rss !== undefined) this.peaks.set(pid, Math.max(rss, this.peaks.get(pid) ?? 0));
    }
  }
}
