// Runs a build tool to completion, streaming its output lines to a callback; fails with the output's tail.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  onLine?: (line: string) => void;
}

export async function run(cmd: string, args: string[], opts: RunOptions): Promise<void> {
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const onLine = (line: string): void => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    opts.onLine?.(line);
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const code = await new Promise<number | null>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', resolvePromise);
  });
  if (code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${String(code)}:\n${tail.join('\n')}`);
  }
}

/** True when `cmd` can be executed (found on PATH and runs). */
export async function hasCommand(cmd: string, versionArgs: string[]): Promise<boolean> {
  try {
    await run(cmd, versionArgs, { cwd: process.cwd() });
    return true;
  } catch {
    return false;
  }
}
