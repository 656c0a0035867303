// Public API of @lianxin/platform/log: the pino logger with redaction and mobile masking.
export { createLogger } from './create-logger.ts';
export type { CreateLoggerOptions, Logger, LogLevel } from './create-logger.ts';
export { CENSOR, isSensitiveKey, maskMobiles, scrub } from './scrub.ts';
export { REDACT_PATHS } from './redaction.ts';
