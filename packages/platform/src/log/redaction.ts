// pino redact paths: the named places where mobiles, credentials and cookies are known to travel.
import { CENSOR } from './scrub.ts';

const PII_KEYS = ['mobile', 'phone'];
const SECRET_KEYS = ['password', 'token'];

/**
 * fast-redact needs explicit paths; these cover the key at the top, one and two levels down,
 * and attendee lists. Anything deeper is caught by the scrubber's key check.
 */
export const REDACT_PATHS: readonly string[] = [
  ...[...PII_KEYS, ...SECRET_KEYS].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'attendees[*].mobile',
  '*.attendees[*].mobile',
  'attendee.mobile',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

export const REDACT_CENSOR = CENSOR;
