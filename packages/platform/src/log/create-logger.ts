// The service logger: pino with redaction and mobile masking; pretty only on an interactive terminal.
import { pino } from 'pino';
import type {
  Bindings,
  ChildLoggerOptions,
  DestinationStream,
  Level,
  Logger,
  LoggerOptions,
  SerializerFn,
} from 'pino';
import pinoPretty from 'pino-pretty';
import { REDACT_CENSOR, REDACT_PATHS } from './redaction.ts';
import { maskMobiles, scrub } from './scrub.ts';

export type { Logger } from 'pino';
export type LogLevel = Level | 'silent';

export interface CreateLoggerOptions {
  /** Service name, added to every line. */
  name?: string;
  level?: LogLevel;
  /** From `logEnv.CI`; CI logs stay JSON even when the runner allocates a TTY. */
  ci?: boolean;
  /** Where lines go; tests pass a capturing stream. Default: stdout. */
  destination?: DestinationStream;
  /** Extra serializers by key; their output is scrubbed like everything else. */
  serializers?: Record<string, SerializerFn>;
}

interface RequestLike {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}

interface ReplyLike {
  statusCode?: number;
}

// Same fields as Fastify's own request serializer, declared here so they pass through the
// scrubber: Fastify merges its serializers under the instance's, and the instance's win.
function requestSerializer(req: RequestLike): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

function replySerializer(reply: ReplyLike): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}

function scrubbed(serializer: SerializerFn): SerializerFn {
  return (value: unknown) => scrub(serializer(value));
}

function isErrorCarrier(value: unknown): value is { err: Error } {
  return (
    typeof value === 'object' && value !== null && 'err' in value && value.err instanceof Error
  );
}

/**
 * pino derives the message from `err.message` when none is given, after our formatters have
 * run; supply the masked message ourselves so the raw one never reaches the line.
 */
function maskArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (first instanceof Error) {
    const message = typeof rest[0] === 'string' ? [] : [maskMobiles(first.message)];
    return maskArguments([{ err: first }, ...message, ...rest]);
  }
  if (isErrorCarrier(first) && typeof rest[0] !== 'string') {
    return [first, maskMobiles(first.err.message), ...rest.map(scrub)];
  }
  if (typeof first === 'object' && first !== null) {
    // The merging object is scrubbed in `formatters.log`, after key serializers are known.
    return [first, ...rest.map(scrub)];
  }
  return args.map(scrub);
}

function shouldPrettyPrint(options: CreateLoggerOptions): boolean {
  return options.destination === undefined && process.stdout.isTTY && options.ci !== true;
}

/**
 * Creates the process logger. Call style is pino's: object first, message second
 * (`log.info({ sessionId }, 'session scheduled')`).
 *
 * Phone numbers must never be logged, so three layers apply: `redact` paths for the known
 * places, a key check at any depth, and a mask for any mobile-shaped text in any string.
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const serializers: Record<string, SerializerFn> = {
    req: requestSerializer,
    res: replySerializer,
    err: pino.stdSerializers.err,
    ...options.serializers,
  };
  const serializedKeys = new Set(Object.keys(serializers));
  const wrapped = Object.fromEntries(
    Object.entries(serializers).map(([key, fn]) => [key, scrubbed(fn)]),
  );

  const pinoOptions: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: [...REDACT_PATHS], censor: REDACT_CENSOR },
    serializers: wrapped,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => {
        const safe = scrub(bindings);
        return typeof safe === 'object' && safe !== null ? safe : {};
      },
      log: (object) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) {
          // Keys with a serializer are scrubbed after serializing: raw requests are too big to walk.
          out[key] = serializedKeys.has(key) ? value : scrub(value);
        }
        return out;
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, maskArguments(args) as Parameters<typeof method>);
      },
    },
  };
  if (options.name !== undefined) pinoOptions.name = options.name;

  return scrubChildBindings(pino(pinoOptions, destinationFor(options)));
}

function destinationFor(options: CreateLoggerOptions): DestinationStream {
  if (options.destination !== undefined) return options.destination;
  if (shouldPrettyPrint(options)) return pinoPretty({ colorize: true, ignore: 'pid,hostname' });
  return pino.destination({ dest: 1, sync: true });
}

/**
 * pino resets `formatters.bindings` for children, so `log.child({ caller })` would print its
 * bindings unscrubbed. Each logger's `child` is therefore wrapped, and so is every child it
 * makes (Fastify's per-request loggers included).
 */
function scrubChildBindings<L extends string>(logger: Logger<L>): Logger<L> {
  const originalChild = logger.child.bind(logger);
  logger.child = <C extends string = never>(
    bindings: Bindings,
    childOptions?: ChildLoggerOptions<C>,
  ): Logger<L | C> => {
    const safe = scrub(bindings);
    const safeBindings: Bindings = typeof safe === 'object' && safe !== null ? safe : {};
    return scrubChildBindings(originalChild(safeBindings, childOptions));
  };
  return logger;
}
