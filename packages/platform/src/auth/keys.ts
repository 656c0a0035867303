// Ed25519 key pairs: generated for tests, or created once into the local stack's state directory.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair as generateNodeKeyPair,
  randomUUID,
} from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const generate = promisify(generateNodeKeyPair);

export interface PemKeyPair {
  /** PKCS8 PEM. */
  privateKey: string;
  /** SPKI PEM. */
  publicKey: string;
}

export interface DevKeys extends PemKeyPair {
  privateKeyPath: string;
  publicKeyPath: string;
}

export async function generateKeyPair(): Promise<PemKeyPair> {
  return generate('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

function isFileExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

function publicKeyOf(privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`expected an Ed25519 private key, found ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function temporaryPath(dir: string, name: string): string {
  return join(dir, `.${name}.${process.pid}.${randomUUID()}.tmp`);
}

/**
 * Returns the local stack's signing keys from `<stateDir>/secrets/`, creating them on first
 * use: `jwt-ed25519.pem` (PKCS8, mode 0600) and `jwt-ed25519.pub.pem` (SPKI).
 *
 * Several services (and `pnpm token`) may start at once. A new private key is written to a
 * temporary file and hard-linked into place, which fails if another process won the race;
 * the loser then reads the winner's key. The public key is always derived from the private
 * key and replaced atomically (rename), so readers never see a half-written or stale file.
 */
export async function loadOrCreateDevKeys(stateDir: string): Promise<DevKeys> {
  const secrets = join(stateDir, 'secrets');
  const privateKeyPath = join(secrets, 'jwt-ed25519.pem');
  const publicKeyPath = join(secrets, 'jwt-ed25519.pub.pem');
  await mkdir(secrets, { recursive: true, mode: 0o700 });

  let privateKey = await readIfExists(privateKeyPath);
  if (privateKey === undefined) {
    const fresh = await generateKeyPair();
    const temporary = temporaryPath(secrets, 'jwt-ed25519.pem');
    await writeFile(temporary, fresh.privateKey, { mode: 0o600, flag: 'wx' });
    try {
      await link(temporary, privateKeyPath);
    } catch (error) {
      if (!isFileExists(error)) throw error;
    } finally {
      await rm(temporary, { force: true });
    }
    privateKey = await readFile(privateKeyPath, 'utf8');
  }
  // A file created by hand may have a looser mode.
  await chmod(privateKeyPath, 0o600);

  const publicKey = publicKeyOf(privateKey);
  if ((await readIfExists(publicKeyPath)) !== publicKey) {
    const temporary = temporaryPath(secrets, 'jwt-ed25519.pub.pem');
    await writeFile(temporary, publicKey, { mode: 0o644, flag: 'wx' });
    await rename(temporary, publicKeyPath);
  }
  return { privateKey, publicKey, privateKeyPath, publicKeyPath };
}
