// Tests for dev key creation in the state directory and the verifier built from environment config.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load-config.ts';
import { loadOrCreateDevKeys } from './keys.ts';
import { mint } from './mint.ts';
import { tokenVerifierFromEnv } from './verify-token.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lianxin-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const defaults = { JWT_ISSUER: 'lianxin', JWT_AUDIENCE: 'lianxin-api' };

describe('loadOrCreateDevKeys', () => {
  it('when the state directory is empty, then it writes a 0600 PKCS8 private key and an SPKI public key', async () => {
    const dir = await tempDir();
    const keys = await loadOrCreateDevKeys(dir);
    expect(keys.privateKeyPath).toBe(join(dir, 'secrets', 'jwt-ed25519.pem'));
    expect(keys.publicKeyPath).toBe(join(dir, 'secrets', 'jwt-ed25519.pub.pem'));
    expect((await stat(keys.privateKeyPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(keys.privateKeyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await readFile(keys.publicKeyPath, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('when called again, then the same keys come back', async () => {
    const dir = await tempDir();
    const first = await loadOrCreateDevKeys(dir);
    const second = await loadOrCreateDevKeys(dir);
    expect(second.privateKey).toBe(first.privateKey);
    expect(second.publicKey).toBe(first.publicKey);
  });

  it('when several processes start at once, then they all end up with one key pair', async () => {
    const dir = await tempDir();
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevKeys(dir)));
    expect(new Set(results.map((r) => r.publicKey)).size).toBe(1);
  });

  it('when a token is minted with the dev key, then a verifier reading the public key file accepts it', async () => {
    const keys = await loadOrCreateDevKeys(await tempDir());
    const verifier = await tokenVerifierFromEnv({
      ...defaults,
      JWT_PUBLIC_KEY_FILE: keys.publicKeyPath,
    });
    const token = await mint(
      { sub: 'u', role: 'reviewer', name: '审核' },
      { privateKey: keys.privateKey, expiresIn: 60 },
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'u',
      role: 'reviewer',
      name: '审核',
    });
  });
});

describe('tokenVerifierFromEnv', () => {
  it('when neither key variable is set, then a ConfigError names JWT_PUBLIC_KEY', async () => {
    await expect(tokenVerifierFromEnv(defaults)).rejects.toThrow(
      new ConfigError([{ key: 'JWT_PUBLIC_KEY', message: 'Required (or JWT_PUBLIC_KEY_FILE)' }]),
    );
  });

  it('when both are set, then a ConfigError says to pick one', async () => {
    const keys = await loadOrCreateDevKeys(await tempDir());
    await expect(
      tokenVerifierFromEnv({
        ...defaults,
        JWT_PUBLIC_KEY: keys.publicKey,
        JWT_PUBLIC_KEY_FILE: keys.publicKeyPath,
      }),
    ).rejects.toThrow(/JWT_PUBLIC_KEY: set either/);
  });

  it('when the file is missing or holds a non-Ed25519 key, then a ConfigError names JWT_PUBLIC_KEY_FILE', async () => {
    const dir = await tempDir();
    await expect(
      tokenVerifierFromEnv({ ...defaults, JWT_PUBLIC_KEY_FILE: join(dir, 'nope.pem') }),
    ).rejects.toThrow(/JWT_PUBLIC_KEY_FILE: cannot read/);
    const rsa = join(dir, 'rsa.pem');
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    await writeFile(rsa, publicKey);
    await expect(tokenVerifierFromEnv({ ...defaults, JWT_PUBLIC_KEY_FILE: rsa })).rejects.toThrow(
      /JWT_PUBLIC_KEY_FILE: must be an Ed25519 public key/,
    );
  });
});
