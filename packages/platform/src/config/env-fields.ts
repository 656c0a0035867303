// Field schemas for environment strings: whole numbers, ports, booleans and comma lists.
import { z } from 'zod';

/** A whole number written as digits, within [min, max]. */
export function envInt(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** A TCP port, 1–65535, or 0 for any free one (tests). */
export const envPort = envInt(0, 65_535);

/** `true|1|yes|on` or `false|0|no|off`, any case. */
export const envBool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', '1', 'yes', 'on', 'false', '0', 'no', 'off']))
  .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on');

/** A comma-separated list of non-empty items, e.g. `kafka-1:9092, kafka-2:9092`. */
export function envList<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item).min(1, { error: 'must list at least one item' }));
}
