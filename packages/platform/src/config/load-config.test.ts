// Tests for loadConfig and the shared environment fragments.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config.ts';
import { authEnv, httpEnv, kafkaEnv, logEnv, mongoEnv } from './fragments.ts';
import { envBool, envPort } from './env-fields.ts';

const ServiceConfig = z.object({
  ...httpEnv.shape,
  ...mongoEnv.shape,
  ...kafkaEnv.shape,
  ...authEnv.shape,
  ...logEnv.shape,
  PORT: envPort.default(4102),
});

const minimal = {
  MONGO_URL: 'mongodb://127.0.0.1:27017/outreach',
  KAFKA_BROKERS: 'localhost:9092',
  KAFKA_CLIENT_ID: 'outreach',
};

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('when a required key is missing, then the error names the key and says Required', () => {
    const error = configErrorOf(() =>
      loadConfig(ServiceConfig, { MONGO_URL: minimal.MONGO_URL, KAFKA_CLIENT_ID: 'outreach' }),
    );
    expect(error.message).toBe('Invalid configuration: KAFKA_BROKERS: Required');
    expect(error.issues).toEqual([{ key: 'KAFKA_BROKERS', message: 'Required' }]);
  });

  it('when several keys are bad, then each is named with its rule', () => {
    const error = configErrorOf(() =>
      loadConfig(ServiceConfig, {
        ...minimal,
        PORT: 'eighty',
        MONGO_URL: 'postgres://x',
        KAFKA_BROKERS: 'localhost',
        LOG_LEVEL: 'loud',
      }),
    );
    const keys = error.issues.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining(['PORT', 'MONGO_URL', 'KAFKA_BROKERS.0', 'LOG_LEVEL']),
    );
    expect(error.message).toContain('PORT: must be a whole number');
    expect(error.message).toContain('MONGO_URL: must be a mongodb:// or mongodb+srv:// URL');
    expect(error.message).toContain('KAFKA_BROKERS.0: each broker must be host:port');
  });

  it('when a secret is invalid, then its value is not echoed in the message', () => {
    const error = configErrorOf(() =>
      loadConfig(ServiceConfig, { ...minimal, JWT_PUBLIC_KEY: 'super-secret-value' }),
    );
    expect(error.message).toContain('JWT_PUBLIC_KEY');
    expect(error.message).not.toContain('super-secret-value');
  });

  it('when only required keys are set, then defaults fill the rest and types are converted', () => {
    const config = loadConfig(ServiceConfig, { ...minimal, KAFKA_BROKERS: ' a:9092, b:9093 ,' });
    expect(config).toMatchObject({
      HOST: '0.0.0.0',
      PORT: 4102,
      MONGO_POOL_SIZE: 10,
      MONGO_TIMEOUT_MS: 5000,
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
      KAFKA_TOPIC_PARTITIONS: 3,
      KAFKA_TOPIC_REPLICATION_FACTOR: 1,
      JWT_ISSUER: 'lianxin',
      JWT_AUDIENCE: 'lianxin-api',
      LOG_LEVEL: 'info',
      CI: false,
    });
  });

  it('when a value is empty, then it counts as unset', () => {
    const config = loadConfig(ServiceConfig, { ...minimal, LOG_LEVEL: '', PORT: '' });
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.PORT).toBe(4102);
  });

  it('when the PEM arrives on one line with \\n escapes, then it is restored', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\\nMCowBQYDK2VwAyEA\\n-----END PUBLIC KEY-----';
    const config = loadConfig(authEnv, { JWT_PUBLIC_KEY: pem });
    expect(config.JWT_PUBLIC_KEY).toBe(
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----',
    );
  });

  it('when CI is set to a vendor name or a negative, then it reads as true or false', () => {
    expect(loadConfig(logEnv, { CI: 'woodpecker' }).CI).toBe(true);
    expect(loadConfig(logEnv, { CI: 'false' }).CI).toBe(false);
    expect(loadConfig(logEnv, {}).CI).toBe(false);
  });

  it('when a boolean field reads yes or off, then it parses', () => {
    const Flags = z.object({ A: envBool, B: envBool });
    expect(loadConfig(Flags, { A: 'Yes', B: 'off' })).toEqual({ A: true, B: false });
  });
});
