// Runs a service in a child process, sends SIGTERM mid-request, and checks the request finishes and hooks close in reverse.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../auth/state-dir.ts';

const fixture = join(import.meta.dirname, 'run-service.fixture.ts');

function waitFor(
  lines: string[],
  predicate: (line: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const found = lines.find(predicate);
      if (found !== undefined) resolve(found);
      else if (Date.now() - started > timeoutMs)
        reject(new Error(`timed out; saw: ${lines.join(' | ')}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('runService', () => {
  it('when SIGTERM arrives during a request, then the request completes, then the app and the hooks close in reverse order', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      cwd: findRepoRoot(import.meta.dirname),
      env: {},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    child.stdout
      .setEncoding('utf8')
      .on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const listening = await waitFor(lines, (line) => line.startsWith('listening '));
    const address = listening.slice('listening '.length);

    const inFlight = fetch(`${address}/slow`);
    await waitFor(lines, (line) => line === 'slow:started');
    child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(lines.filter((line) => line.startsWith('closed:'))).toEqual([
      'closed:app',
      'closed:consumer',
      'closed:database',
    ]);
  }, 30_000);
});
