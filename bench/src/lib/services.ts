// Runs Lianxin's services as child processes (as `pnpm start` does), configured only through their environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { portInUse } from '@lianxin/infra';

export interface ChildSpec {
  name: string;
  /** Script relative to the repository root: `services/<name>/src/main.ts` or a bench ceiling. */
  script: string;
  port: number;
  env: Record<string, string>;
  /** Write a V8 CPU profile into this folder when the process exits. */
  cpuProfDir?: string;
  /** How long /readyz may take to answer 200; default 90 s. */
  readyTimeoutMs?: number;
}

export interface RunningChild {
  name: string;
  port: number;
  pid: number;
  url: string;
  logFile: string;
  stop: () => Promise<void>;
}

async function waitReady(child: ChildProcess, spec: ChildSpec, logFile: string): Promise<void> {
  const limitMs = spec.readyTimeoutMs ?? 90_000;
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${spec.name} exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${spec.port}/readyz`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${spec.name} not ready within ${limitMs / 1000} s; see ${logFile}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Every child still running, so an interrupted run (Ctrl-C) stops what it started. */
const running = new Set<() => Promise<void>>();

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
}

export async function startChild(
  repoRoot: string,
  logDir: string,
  spec: ChildSpec,
): Promise<RunningChild> {
  if (await portInUse('127.0.0.1', spec.port))
    throw new Error(
      `port ${spec.port} for ${spec.name} is in use; set BENCH_PORT_BASE to move the bench's ports`,
    );
  await mkdir(logDir, { recursive: true });
  const logFile = join(logDir, `${spec.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const prof =
    spec.cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${spec.cpuProfDir}`];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', spec.script], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(spec.port),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...spec.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stopChild = stopper(child);
  const stop = async () => {
    running.delete(stop);
    await stopChild();
  };
  running.add(stop);
  try {
    await waitReady(child, spec, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  if (child.pid === undefined) throw new Error(`${spec.name} has no pid`);
  return {
    name: spec.name,
    port: spec.port,
    pid: child.pid,
    url: `http://127.0.0.1:${spec.port}`,
    logFile,
    stop,
  };
}
