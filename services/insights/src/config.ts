// The insights service's configuration: one zod schema over the environment, parsed once at start-up.
import { envPort, loadConfig } from '@lianxin/platform/config';
import { serviceEnv } from '@lianxin/platform/service';
import { z } from 'zod';

const GroupName = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export const InsightsConfig = z.object({
  ...serviceEnv.shape,
  PORT: envPort.default(4105),
  KAFKA_CLIENT_ID: serviceEnv.shape.KAFKA_CLIENT_ID.default('insights'),
  /** The facts consumer's group; a new name replays every topic from the start. */
  FACTS_CONSUMER_GROUP: GroupName.default('insights-facts'),
  /** A bank not reached in this many days is a gap (GET /gaps `days` overrides it). */
  GAP_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});
export type InsightsConfig = z.output<typeof InsightsConfig>;

export const loadInsightsConfig = (env: NodeJS.ProcessEnv): InsightsConfig =>
  loadConfig(InsightsConfig, env);
