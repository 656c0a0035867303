// Unit tests of the check-in code's pure parts: the alphabet, what people type, and when a clash is drawn again.
import { CHECK_IN_CODE_ALPHABET, CheckInCode } from '@lianxin/contracts';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import {
  CODE_ATTEMPTS,
  codeOf,
  drawCheckInCode,
  noCodeYet,
  normaliseCheckInCode,
  withFreshCode,
} from './check-in-code.ts';

const clash = () =>
  new mongoose.mongo.MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key error' });

describe('check-in codes', () => {
  it('when 5,000 codes are drawn, then each is 6 characters of the alphabet and every character of it turns up', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i += 1) {
      const code = drawCheckInCode();
      expect(CheckInCode.safeParse(code).success, code).toBe(true);
      for (const c of code) seen.add(c);
    }
    expect([...seen].sort().join('')).toBe(Array.from(CHECK_IN_CODE_ALPHABET).sort().join(''));
    expect(CHECK_IN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('when a code is typed in lower case with spaces or dashes, then it reads as the stored code', () => {
    expect(normaliseCheckInCode(' k7p-m3q ')).toBe('K7PM3Q');
    expect(normaliseCheckInCode('K7P M3Q')).toBe('K7PM3Q');
  });

  it('when a registration has no seat yet (or predates codes), then it has no code', () => {
    const id = '65a1b2c3d4e5f60718293a01';
    expect(codeOf({ checkInCode: noCodeYet(id) })).toBeNull();
    expect(codeOf({})).toBeNull();
    expect(codeOf({ checkInCode: 'K7PM3Q' })).toBe('K7PM3Q');
  });

  it('when every draw clashes, then it gives up after the allowed attempts with the clash', async () => {
    let tries = 0;
    const write = () => {
      tries += 1;
      return Promise.reject(clash());
    };
    await expect(withFreshCode(write)).rejects.toBeInstanceOf(mongoose.mongo.MongoServerError);
    expect(tries).toBe(CODE_ATTEMPTS);
  });

  it('when the write fails for another reason, or matches nothing, then it is not drawn again', async () => {
    let tries = 0;
    const broken = () => {
      tries += 1;
      return Promise.reject(new Error('connection reset'));
    };
    await expect(withFreshCode(broken)).rejects.toThrow('connection reset');
    expect(tries).toBe(1);
    expect(await withFreshCode(() => Promise.resolve(false))).toBeNull();
  });
});
