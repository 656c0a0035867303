// Defensive masking of log data: mainland mobile numbers in any string, and sensitive keys at any depth.

/**
 * A mainland mobile number, optionally with +86/0086 and spaces or dashes (138 1234 5678),
 * not glued to other digits (so 18-digit ids and millisecond timestamps are left alone) —
 * except a percent-escape such as `%20` in a logged URL, whose hex digits are not part of it.
 */
const MOBILE =
  /(?<=^|[^\d]|%[0-9A-Fa-f]{2})(?:(?:\+|00|%2[Bb])?86(?:[\s-]|%20)?)?(1[3-9]\d)(?:[\s-]|%20)?\d{4}(?:[\s-]|%20)?(\d{4})(?!\d)/g;

export const CENSOR = '[Redacted]';

/**
 * Keys whose values are never logged, whatever their depth. pino's `redact` paths cover the
 * usual places cheaply; this catches the places nobody thought to list.
 */
const SENSITIVE_KEY =
  /^(mobile|mobiles|phone|phones|phone_?number|mobile_?number|tel|telephone|password|passwd|secret|token|access_?token|refresh_?token|id_?token|authorization|cookie|set-cookie)$/i;

const MAX_DEPTH = 12;

/** `13812345678` → `138****5678`, anywhere inside the string. */
export function maskMobiles(text: string): string {
  return text.replace(MOBILE, '$1****$2');
}

// An 11-digit integer in the mobile range is almost certainly a phone number typed as a
// number; losing precision on a rare legitimate value is the cheaper mistake.
function isMobileLikeNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 13_000_000_000 && value <= 19_999_999_999;
}

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return 'toJSON' in value && typeof value.toJSON === 'function';
}

function serializeError(error: Error): Record<string, unknown> {
  // Own enumerable fields first (code, statusCode, details…), then the non-enumerable basics.
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(error));
  out['type'] = error.name;
  out['message'] = error.message;
  if (error.stack !== undefined) out['stack'] = error.stack;
  if (error.cause !== undefined) out['cause'] = error.cause;
  return out;
}

/**
 * Returns a copy of `value` that is safe to log: mobile numbers masked in every string,
 * sensitive keys replaced by `[Redacted]`, errors turned into plain objects, cycles and
 * excessive depth cut. Never mutates its input.
 */
export function scrub(value: unknown): unknown {
  return scrubAt(value, 0, new WeakSet());
}

function scrubAt(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return maskMobiles(value);
    case 'number':
      return isMobileLikeNumber(value) ? maskMobiles(String(value)) : value;
    case 'bigint':
      return maskMobiles(value.toString());
    case 'object':
      break;
    default:
      return value;
  }
  if (value === null) return null;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return '[Binary]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => scrubAt(item, depth + 1, seen));
    if (value instanceof Error) return scrubObject(serializeError(value), depth, seen);
    // ObjectIds, Decimal128, URL… know how to print themselves; scrub what they print.
    if (hasToJson(value)) return scrubAt(value.toJSON(), depth + 1, seen);
    if (value instanceof Map) {
      const map: Map<unknown, unknown> = value;
      const entries: Record<string, unknown> = {};
      for (const [key, item] of map) entries[String(key)] = item;
      return scrubObject(entries, depth, seen);
    }
    if (value instanceof Set) return scrubAt([...value], depth, seen);
    return scrubObject(value, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function scrubObject(value: object, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? CENSOR : scrubAt(item, depth + 1, seen);
  }
  return out;
}
