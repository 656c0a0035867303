// Public API of @lianxin/platform/config: parse the environment once, with shared fragments.
export { ConfigError, loadConfig } from './load-config.ts';
export type { ConfigIssue, Env } from './load-config.ts';
export { envBool, envInt, envList, envPort } from './env-fields.ts';
export {
  authEnv,
  httpEnv,
  kafkaEnv,
  logEnv,
  mongoEnv,
  rateLimitEnv,
  runtimeEnv,
} from './fragments.ts';
export type {
  AuthEnv,
  HttpEnv,
  KafkaEnv,
  LogEnv,
  MongoEnv,
  RateLimitEnv,
  RuntimeEnv,
} from './fragments.ts';
