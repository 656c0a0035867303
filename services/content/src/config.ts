// The content service's configuration: one zod schema over the environment, parsed once at start-up.
import { envBool, envPort, loadConfig } from '@lianxin/platform/config';
import { serviceEnv } from '@lianxin/platform/service';
import { z } from 'zod';

export const ContentConfig = z.object({
  ...serviceEnv.shape,
  PORT: envPort.default(4103),
  KAFKA_CLIENT_ID: serviceEnv.shape.KAFKA_CLIENT_ID.default('content'),
  /** The session read model's consumer group; a new name replays lianxin.sessions.v1 from the start. */
  SESSION_CONSUMER_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default('content-sessions'),
  /**
   * Prefix of each replica's search-index consumer group; a random suffix makes it the
   * replica's own, so every replica's index sees every bulletin.changed (ADR 036).
   */
  SEARCH_CONSUMER_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,80}$/)
    .default('content-search'),
  /** Load the demo bulletins in the background after start (idempotent). */
  LOAD_DEMO: envBool.default(false),
});
export type ContentConfig = z.output<typeof ContentConfig>;

export const loadContentConfig = (env: NodeJS.ProcessEnv): ContentConfig =>
  loadConfig(ContentConfig, env);
