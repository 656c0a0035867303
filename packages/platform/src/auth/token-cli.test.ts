// Runs `token-cli.ts` as a child process and checks that its token verifies against the dev public key.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from './verify-token.ts';
import { findRepoRoot } from './state-dir.ts';

const run = promisify(execFile);
const repoRoot = findRepoRoot(import.meta.dirname);
const cli = join(import.meta.dirname, 'token-cli.ts');

let stateDir: string;
beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'lianxin-token-cli-'));
});
afterAll(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// The child gets only LIANXIN_STATE_DIR: nothing from this process's environment leaks in.
async function token(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: repoRoot,
      env: { LIANXIN_STATE_DIR: stateDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('pnpm token', () => {
  it('when asked for a liaison token, then it prints one that verifies against the dev public key', async () => {
    const result = await token(
      '--role',
      'liaison',
      '--bank',
      'bank-7',
      '--name',
      '李联络',
      '--ttl',
      '1h',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const publicKey = await readFile(join(stateDir, 'secrets', 'jwt-ed25519.pub.pem'), 'utf8');
    const verifier = await createTokenVerifier({
      publicKey,
      issuer: 'lianxin',
      audience: 'lianxin-api',
    });
    await expect(verifier.verify(result.stdout.trim())).resolves.toEqual({
      sub: 'dev-liaison-bank-7',
      role: 'liaison',
      bankId: 'bank-7',
      name: '李联络',
    });
  });

  it('when a liaison token is asked for without --bank, then it exits 2 with the usage line', async () => {
    const result = await token('--role', 'liaison');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--bank is required for --role liaison');
    expect(result.stderr).toContain('usage: pnpm run token --role');
  });

  it('when the role is unknown, then it exits 2 naming the allowed roles', async () => {
    const result = await token('--role', 'admin');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--role must be one of coordinator, officer, reviewer, liaison',
    );
  });
});
