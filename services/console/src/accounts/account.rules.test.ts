// Unit tests of the account rules: email keys, secrets, the lock arithmetic and the activation link.
import { describe, expect, it } from 'vitest';
import {
  activationUrl,
  addMinutes,
  emailKey,
  isLocked,
  newSecret,
  secondsUntil,
  secretHash,
} from './account.rules.ts';

describe('account rules', () => {
  it('when an email is typed with capitals and spaces, then its key is trimmed lower case', () => {
    expect(emailKey('  Li.Ming@Bank.CN ')).toBe('li.ming@bank.cn');
  });

  it('when two secrets are made, then they differ and hash to 64 hex characters', () => {
    const a = newSecret();
    const b = newSecret();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash(a)).toBe(secretHash(a));
  });

  it('when a lock ends in 14 min 59.5 s, then 900 seconds remain and it is locked until then', () => {
    const now = new Date('2026-12-01T10:00:00.500Z');
    const until = addMinutes(new Date('2026-12-01T10:00:00Z'), 15);
    expect(secondsUntil(until, now)).toBe(900);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(secondsUntil(until, addMinutes(until, 1))).toBe(0);
  });

  it('when the public URL is given, then the activation link carries the token in its path', () => {
    expect(activationUrl('https://lianxin.example', 'abc')).toBe(
      'https://lianxin.example/activate/abc',
    );
  });
});
