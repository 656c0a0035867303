// The banks service's configuration: one zod schema over the environment, parsed once at start-up.
import { envBool, envPort, loadConfig } from '@lianxin/platform/config';
import { serviceEnv } from '@lianxin/platform/service';
import { z } from 'zod';

export const BanksConfig = z.object({
  ...serviceEnv.shape,
  PORT: envPort.default(4101),
  KAFKA_CLIENT_ID: serviceEnv.shape.KAFKA_CLIENT_ID.default('banks'),
  /** Load the Xianghe County demo data in the background after start (idempotent). */
  LOAD_DEMO: envBool.default(false),
});
export type BanksConfig = z.output<typeof BanksConfig>;

export const loadBanksConfig = (env: NodeJS.ProcessEnv): BanksConfig =>
  loadConfig(BanksConfig, env);
