// The content service's configuration: one zod schema over the environment, parsed once at start-up.
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

export const ContentConfig = z.object({
  ...httpEnv.shape,
  ...mongoEnv.shape,
  ...kafkaEnv.shape,
  ...authEnv.shape,
  ...logEnv.shape,
  PORT: envPort.default(4103),
  KAFKA_CLIENT_ID: kafkaEnv.shape.KAFKA_CLIENT_ID.default('content'),
  /** The session read model's consumer group; a new name replays lianxin.sessions.v1 from the start. */
  SESSION_CONSUMER_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default('content-sessions'),
  /** Load the demo bulletins at start (idempotent). */
  LOAD_DEMO: envBool.default(false),
});
export type ContentConfig = z.output<typeof ContentConfig>;

export const loadContentConfig = (env: NodeJS.ProcessEnv = process.env): ContentConfig =>
  loadConfig(ContentConfig, env);
