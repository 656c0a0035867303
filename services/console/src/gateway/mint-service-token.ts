// Mints the short-lived service token the gateway attaches to one proxied request, for the signed-in account.
import { readFile } from 'node:fs/promises';
import { mint, TOKEN_ALGORITHM } from '@lianxin/platform/auth';
import { ConfigError } from '@lianxin/platform/config';
import { importPKCS8, type CryptoKey } from 'jose';
import type { ConsoleConfig } from '../config.ts';
import type { Account } from '../accounts/account.ts';

export interface ServiceTokenSigner {
  /** A token for `account` valid for the configured few seconds; the browser never sees it. */
  mintFor(account: Account): Promise<string>;
}

type SignerConfig = Pick<
  ConsoleConfig,
  'JWT_PRIVATE_KEY' | 'JWT_PRIVATE_KEY_FILE' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'SERVICE_TOKEN_TTL_S'
>;

async function privateKeyPem(config: SignerConfig): Promise<string> {
  const { JWT_PRIVATE_KEY: inline, JWT_PRIVATE_KEY_FILE: file } = config;
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError([
      { key: 'JWT_PRIVATE_KEY', message: 'set either JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE' },
    ]);
  }
  if (inline !== undefined) return inline;
  if (file === undefined) {
    throw new ConfigError([
      { key: 'JWT_PRIVATE_KEY', message: 'Required (or JWT_PRIVATE_KEY_FILE)' },
    ]);
  }
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    throw new ConfigError([{ key: 'JWT_PRIVATE_KEY_FILE', message: `cannot read ${file}` }]);
  }
}

/** Imports the key once (start-up fails on a bad one); each mint is then one Ed25519 signature. */
export async function serviceTokenSigner(config: SignerConfig): Promise<ServiceTokenSigner> {
  const pem = await privateKeyPem(config);
  let key: CryptoKey;
  try {
    key = await importPKCS8(pem, TOKEN_ALGORITHM);
  } catch {
    throw new ConfigError([
      { key: 'JWT_PRIVATE_KEY', message: 'must be an Ed25519 private key in PKCS8 PEM' },
    ]);
  }
  const options = {
    privateKey: key,
    expiresIn: config.SERVICE_TOKEN_TTL_S,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  };
  return {
    mintFor: (account) =>
      account.role === 'liaison'
        ? mint(
            { sub: account.id, role: 'liaison', bankId: account.bankId ?? '', name: account.name },
            options,
          )
        : mint({ sub: account.id, role: account.role, name: account.name }, options),
  };
}
