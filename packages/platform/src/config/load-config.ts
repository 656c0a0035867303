// Parses the environment once at start-up against a service's zod schema and fails fast naming every bad key.
import { z } from 'zod';

/** One problem with one environment key, as shown to whoever starts the process. */
export interface ConfigIssue {
  key: string;
  message: string;
}

/**
 * Thrown by `loadConfig` when the environment does not satisfy the schema.
 * The message lists each key and rule (`Invalid configuration: KAFKA_BROKERS: Required`)
 * and never echoes a value, because values may be secrets.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(`Invalid configuration: ${issues.map((i) => `${i.key}: ${i.message}`).join('; ')}`);
    this.issues = issues;
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

// zod's default text for a missing key is "expected string, received undefined"; operators
// reading a crash log understand "Required" faster.
const requiredMessage: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined;

/**
 * Parses `env` (default `process.env`) with `schema`. Empty values count as unset, as in
 * dotenv files and compose `environment:` lists where `KEY=` means "not configured".
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') present[key] = value;
  }
  const result = z.safeParse(schema, present, { error: requiredMessage });
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      key: issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)',
      message: issue.message,
    })),
  );
}
