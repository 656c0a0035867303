// The HTTP error body every service answers with, and the stable codes a client may branch on.
import { z } from 'zod';

/**
 * Code → HTTP status. Codes are stable: clients and tests branch on them, never on messages.
 * Only the statuses the architecture names are used (400 for any input the rules refuse).
 * Being waitlisted is not an error (there is no SESSION_FULL): it is a successful result.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A unique index refused the write and no more specific code applies. */
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  // banks
  DUPLICATE_BANK_CODE: 409,
  LIAISON_LIMIT: 409,
  DUPLICATE_LIAISON_CONTACT: 409,
  BANK_NOT_ACTIVE: 409,
  // sessions
  SESSION_IN_PAST: 400,
  VENUE_CONFLICT: 409,
  HOST_CONFLICT: 409,
  SESSION_NOT_SCHEDULED: 409,
  // registrations and check-in
  NOT_INVITED: 403,
  DUPLICATE_ATTENDEE: 409,
  REGISTRATION_CLOSED: 409,
  INVALID_CHECK_IN_TOKEN: 400,
  CHECK_IN_NOT_OPEN: 409,
  ALREADY_CHECKED_IN: 409,
  FEEDBACK_ALREADY_SUBMITTED: 409,
  // opinions and bulletins
  INVALID_TRANSITION: 409,
  SELF_REVIEW: 403,
  PII_DETECTED: 400,
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503>;

export type ErrorCode = keyof typeof ERROR_STATUS;
// Object.keys loses the key type; ERROR_STATUS is a literal, so its keys are exactly ErrorCode.
const errorCodes = Object.keys(ERROR_STATUS) as ErrorCode[];
export const ErrorCode = z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]);

/**
 * One thing wrong with the request: a field path as zod reports it (field names never contain
 * a dot, so `path.join('.')` is unambiguous), and a message. Open to extra fields, such as the
 * offending spans of PII_DETECTED or the clashing session of VENUE_CONFLICT.
 */
export const ErrorDetail = z
  .object({
    path: z.array(z.union([z.string(), z.int()])),
    message: z.string().min(1),
  })
  .loose();
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string().min(1),
    details: z.array(ErrorDetail).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
