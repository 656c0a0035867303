// The banks service's configuration: one zod schema over the environment, parsed once at start-up.
import {
  authEnv,
  envBool,
  envPort,
  httpEnv,
  kafkaEnv,
  loadConfig,
  logEnv,
  mongoEnv,
} from '@lianxin/platform/config';
import { z } from 'zod';

export const BanksConfig = z.object({
  ...httpEnv.shape,
  ...mongoEnv.shape,
  ...kafkaEnv.shape,
  ...authEnv.shape,
  ...logEnv.shape,
  PORT: envPort.default(4101),
  KAFKA_CLIENT_ID: kafkaEnv.shape.KAFKA_CLIENT_ID.default('banks'),
  /** Load the Xianghe County demo data at start (idempotent). */
  LOAD_DEMO: envBool.default(false),
});
export type BanksConfig = z.output<typeof BanksConfig>;

export const loadBanksConfig = (env: NodeJS.ProcessEnv = process.env): BanksConfig =>
  loadConfig(BanksConfig, env);
