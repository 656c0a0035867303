// Pure rules of delivery: which SMTP failures are worth retrying, how long to wait, when to give up, the id of a cause.
import { createHash } from 'node:crypto';

export type FailureKind = 'permanent' | 'transient';

export interface SmtpFailure {
  kind: FailureKind;
  code: string | null;
  /** The server's reply (e.g. `550 5.1.1 mailbox unavailable`) or the connection error's message. */
  response: string;
}

interface NodemailerLikeError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

/**
 * A 5xx reply is the server's final word: retrying cannot help. A 4xx reply ("try again
 * later", greylisting, mailbox busy) and a failure to talk at all (refused, reset, timed out)
 * are temporary. An envelope nodemailer itself refuses (no valid recipient) is permanent.
 */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e: NodemailerLikeError = typeof err === 'object' && err !== null ? err : {};
  const code = typeof e.code === 'string' ? e.code : null;
  const reply = typeof e.response === 'string' ? e.response : null;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const response = (reply ?? message).slice(0, 500);
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (status !== null && status >= 500) return { kind: 'permanent', code, response };
  if (status !== null && status >= 400) return { kind: 'transient', code, response };
  if (code === 'EENVELOPE') return { kind: 'permanent', code, response };
  return { kind: 'transient', code, response };
}

/** Wait before attempt `attempt + 1`: base · 2^(attempt−1), capped, with ±10 % jitter so retries spread out. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const exact = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exact * (0.9 + 0.2 * random()));
}

export function isLastAttempt(attempts: number, maxAttempts: number): boolean {
  return attempts >= maxAttempts;
}

/** The delivery id of (cause, recipient, template): 24 hex digits, so the same cause maps to the same document. */
export function deliveryIdOf(key: string, recipient: string, template: string): string {
  return createHash('sha256')
    .update(`${key}\n${recipient}\n${template}`)
    .digest('hex')
    .slice(0, 24);
}
