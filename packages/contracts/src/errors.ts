// The one HTTP error body every service answers with, and the catalogue of stable codes a client may branch on.
import { z } from 'zod';
import { Label } from './labels.ts';

/**
 * Code → HTTP status. Codes are stable: clients and tests branch on them, never on messages.
 * A service throws only codes listed here (the platform's `AppError` takes an `ErrorCode`), and
 * each route names in its OpenAPI responses the codes it can return. Being waitlisted is not an
 * error (there is no SESSION_FULL): it is a successful result.
 *
 * `details` is always a list of `ErrorDetail`; the extra fields a code adds to its entries are
 * written beside it (ADR 007).
 */
export const ERROR_STATUS = {
  // --- request shape (platform) ---
  /** A field breaks its schema or a rule; one detail per field (`in`, `path`, `rule`). */
  VALIDATION_FAILED: 400,
  /** The body is not JSON (or is empty with a JSON content type). */
  INVALID_JSON: 400,
  /** Any other malformed request Fastify refuses (e.g. a bad header). */
  BAD_REQUEST: 400,
  /** No valid bearer token; `WWW-Authenticate: Bearer` is set. */
  UNAUTHORIZED: 401,
  /** The caller's role may not do this. */
  FORBIDDEN: 403,
  /** No such object, or another bank's object (its existence is not disclosed), or no such route. */
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  /** The request lost to a concurrent change, or the state does not allow it. */
  CONFLICT: 409,
  /** A unique index refused the write and no more specific code applies. */
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Detail: `retryAfterSeconds`; `Retry-After` is set. */
  RATE_LIMITED: 429,
  /** A bug of ours; the details stay in the log. */
  INTERNAL: 500,
  /** A dependency (database, broker) is unreachable. */
  UNAVAILABLE: 503,
  /** The process is closing; retry on another replica. `Retry-After` is set. */
  SHUTTING_DOWN: 503,
  // --- banks ---
  DUPLICATE_BANK_CODE: 409,
  LIAISON_LIMIT: 409,
  /** Detail `path`: `mobile` or `email`. */
  DUPLICATE_LIAISON_CONTACT: 409,
  /** Detail extra: `bankId`. */
  BANK_NOT_ACTIVE: 409,
  // --- sessions ---
  SESSION_IN_PAST: 400,
  /** Detail extra: `conflictingSessionId`. */
  VENUE_CONFLICT: 409,
  /** Detail extra: `conflictingSessionId`. */
  HOST_CONFLICT: 409,
  /** Detail extra: `status`. */
  SESSION_NOT_SCHEDULED: 409,
  // --- registrations and check-in ---
  DUPLICATE_ATTENDEE: 409,
  /** Detail extra: `opensAt` / `closesAt`. */
  REGISTRATION_CLOSED: 409,
  INVALID_CHECK_IN_TOKEN: 400,
  CHECK_IN_NOT_OPEN: 409,
  /** Detail extra: `checkedInAt`. */
  ALREADY_CHECKED_IN: 409,
  FEEDBACK_ALREADY_SUBMITTED: 409,
  // --- opinions and bulletins ---
  INVALID_TRANSITION: 409,
  SELF_REVIEW: 403,
  /** Published text holds personal data. Detail extra: `spans` ([start, end) offsets) and `kind`. */
  PII_DETECTED: 422,
  // --- console: sign-in and the gateway ---
  /** Wrong email or password, or an account that may not sign in (not told apart). */
  INVALID_CREDENTIALS: 401,
  /** Too many wrong passwords: locked for a while. Detail extra: `retryAfterSeconds`; `Retry-After` is set. */
  ACCOUNT_LOCKED: 429,
  /** A state-changing request without the CSRF token of its session (or of its pre-session cookie). */
  CSRF_FAILED: 403,
  /** An activation link that is unknown, used or expired. */
  INVALID_ACTIVATION_TOKEN: 400,
} as const satisfies Record<
  string,
  400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503
>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];
/** The codes answered with status `S`, e.g. `CodeOfStatus<409>`. */
export type CodeOfStatus<S extends ErrorStatus> = {
  [K in ErrorCode]: (typeof ERROR_STATUS)[K] extends S ? K : never;
}[ErrorCode];

// Object.keys loses the key type; ERROR_STATUS is a literal, so its keys are exactly ErrorCode.
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
export const ErrorCode = z.enum(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

/** Text people read, in Simplified Chinese and English; a client shows the one its user reads. */
export const ErrorMessage = Label;
export type ErrorMessage = Label;

export const RequestPart = z.enum(['body', 'querystring', 'params', 'headers']);
export type RequestPart = z.infer<typeof RequestPart>;

/**
 * One thing wrong with the request. `path` is dotted (`attendees.0.mobile`; field names never
 * contain a dot), '' for the whole request or object; `rule` is zod's issue code
 * (`invalid_type`, `unrecognized_keys`…), `forbidden_key`, or a domain rule (`unique`,
 * `booked`, `state`…). Open to the extra fields a code documents above (`conflictingSessionId`,
 * `spans`…); they never hold personal data.
 */
export const ErrorDetail = z.looseObject({
  path: z.string(),
  rule: z.string().min(1),
  message: ErrorMessage,
  /** For request validation: which part of the request. */
  in: RequestPart.optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: ErrorCode,
    message: ErrorMessage,
    details: z.array(ErrorDetail).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The same body with its code narrowed, for a route's documented responses. */
export function errorBodyOf(codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return z.strictObject({
    error: z.strictObject({
      code: z.enum(codes),
      message: ErrorMessage,
      details: z.array(ErrorDetail).optional(),
    }),
  });
}
