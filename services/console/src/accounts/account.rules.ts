// Pure rules of accounts: emails as keys, password policy, activation tokens and the login lock.
import { createHash, randomBytes } from 'node:crypto';

/** Emails are keys: trimmed and lower-cased, however they were typed. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** A fresh secret for a link or a cookie (256 bits, URL-safe). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a secret: its sha256, so the database alone opens nothing. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

/** Whole seconds until `until` (at least 1 while it lies ahead, 0 once past). */
export function secondsUntil(until: Date, now: Date): number {
  const ms = until.getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / 1000);
}

export function isLocked(lockedUntil: Date, now: Date): boolean {
  return lockedUntil.getTime() > now.getTime();
}

/** The activation page of the web app, the one-time token in the path (the notifier sends it). */
export function activationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/activate/${token}`;
}
