// Value schemas every service agrees on: phone numbers, emails, money, ids, text and instants.
import { z } from 'zod';

const MOBILE = /^1[3-9]\d{9}$/;
// Separators people type inside a number ("138 1234 5678", "138-1234-5678"), including full-width space.
const MOBILE_SEPARATORS = /[\s-]/g;
// "86" is only a prefix when it leaves exactly eleven digits; a bare mobile never starts with 8.
const MOBILE_WITH_PREFIX = /^(?:\+?86)?(1[3-9]\d{9})$/;

/**
 * The schemas' own messages for their checks. zod takes one string per check, so the schema
 * carries the English and the request validator looks up the Chinese (`schemaMessageZh`).
 */
const MESSAGES = {
  mobile: {
    zh: '应为大陆手机号（11 位数字，以 13–19 开头）',
    en: 'Expected a mainland mobile number (11 digits starting 13–19)',
  },
  objectId: { zh: '应为 24 位十六进制 ID', en: 'Expected a 24-hex-digit id' },
  bankCode: {
    zh: '应为 2–32 位字母、数字或连字符',
    en: 'Expected 2–32 letters, digits or hyphens',
  },
  blank: { zh: '必填，不能为空白', en: 'Required: must not be blank' },
} as const;

const ZH_OF_EN = new Map<string, string>(Object.values(MESSAGES).map((m) => [m.en, m.zh]));

/** The Chinese of a schema's own (English) message, or undefined for zod's defaults. */
export function schemaMessageZh(en: string): string | undefined {
  return ZH_OF_EN.get(en);
}

/**
 * The bare eleven digits of a mainland mobile number, or null when `raw` is not one.
 * Accepts separating spaces and hyphens and an optional +86 / 86 prefix; nothing else
 * (no 0086, no brackets, no full-width digits), so what is stored is always comparable.
 */
export function normaliseMobile(raw: string): string | null {
  const match = MOBILE_WITH_PREFIX.exec(raw.replace(MOBILE_SEPARATORS, ''));
  return match?.[1] ?? null;
}

/**
 * A mainland mobile number, normalised to its bare eleven digits: the attendee's identity
 * for "registered at most once per session", so two spellings must not make two people.
 */
export const Mobile = z
  .string()
  .max(32)
  .overwrite((raw) => normaliseMobile(raw) ?? raw)
  .regex(MOBILE, { error: MESSAGES.mobile.en });
export type Mobile = z.infer<typeof Mobile>;

/**
 * `138****5678`. Anything that is not a mainland mobile number comes back fully masked:
 * this runs on the way out to a screen or a bulletin, where leaking is worse than a blank.
 */
export function maskMobile(mobile: string): string {
  const bare = normaliseMobile(mobile);
  return bare === null ? '***********' : `${bare.slice(0, 3)}****${bare.slice(7)}`;
}

/** Trimmed and lower-cased, so a liaison is found and deduplicated however the address was typed. */
// Trimmed and lower-cased before the format check; `format: email` is declared for OpenAPI, which
// would otherwise see only the string before the pipe.
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email())
  .meta({ format: 'email' });
export type Email = z.infer<typeof Email>;

/** Money is an integer number of fen (0.01 yuan), never a float. `z.int()` is already safe-integer bounded. */
export const Fen = z.int().nonnegative();
export type Fen = z.infer<typeof Fen>;

/**
 * A MongoDB ObjectId as 24 hex digits: the id of every aggregate our services create.
 * Lower-cased because ids are compared as strings in read models and Kafka keys.
 */
export const ObjectIdString = z
  .string()
  .toLowerCase()
  .regex(/^[0-9a-f]{24}$/, { error: MESSAGES.objectId.en });
export type ObjectIdString = z.infer<typeof ObjectIdString>;

export const Uuid = z.uuid();
export type Uuid = z.infer<typeof Uuid>;

/** A user as the JWT `sub` names them; its format belongs to the sign-in service, so it stays opaque here. */
export const UserId = z.string().trim().min(1).max(64);
export type UserId = z.infer<typeof UserId>;

/** Trimmed text that is not blank once trimmed (JS trim also removes the full-width space U+3000). */
export function NonEmptyText(max: number) {
  return z.string().trim().min(1, { error: MESSAGES.blank.en }).max(max);
}

/** A person's name as written on an attendance sheet. */
export const PersonName = NonEmptyText(50);
export type PersonName = z.infer<typeof PersonName>;

/** A partner bank's short stable code (e.g. `ICBC-XH`), unique among partners; upper-cased so it is typed once. */
export const BankCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: MESSAGES.bankCode.en });
export type BankCode = z.infer<typeof BankCode>;

/**
 * An instant, written as ISO 8601 with a `Z` or a numeric offset, and normalised to the UTC
 * form `toISOString()` gives (`2025-03-01T01:30:00.000Z`).
 *
 * Kept as a string rather than a Date: the same schema serves JSON bodies, Kafka events and
 * OpenAPI, where a Date would need a codec in each direction; and one fixed UTC format sorts
 * and compares correctly as text. Local times without an offset are refused: a county police
 * system must not guess the zone. Storage converts to Date; display converts to Asia/Shanghai.
 */
export const Instant = z.iso.datetime({ offset: true }).overwrite((iso) => {
  const date = new Date(iso);
  // The format check above already reports an invalid string; do not throw on top of it.
  return Number.isNaN(date.getTime()) ? iso : date.toISOString();
});
export type Instant = z.infer<typeof Instant>;
