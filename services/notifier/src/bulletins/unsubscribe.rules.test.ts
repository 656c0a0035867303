// Unit tests of the unsubscribe token: it names its own address, and no other address can be made from it.
import { describe, expect, it } from 'vitest';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe.rules.ts';

const secret = 'a'.repeat(32);

describe('unsubscribe token', () => {
  it('when a token is checked with the secret it was made with, then it gives its address back', () => {
    expect(verifyUnsubscribeToken(secret, unsubscribeToken(secret, 'li.na@bank.example.cn'))).toBe(
      'li.na@bank.example.cn',
    );
  });

  it('when the address part is swapped for another address, then the token is refused', () => {
    const [, sig] = unsubscribeToken(secret, 'li.na@bank.example.cn').split('.');
    const forged = `${Buffer.from('wang@bank.example.cn').toString('base64url')}.${sig ?? ''}`;
    expect(verifyUnsubscribeToken(secret, forged)).toBeNull();
  });

  it('when a token was made with another secret, or is garbage, then it is refused', () => {
    expect(verifyUnsubscribeToken(secret, unsubscribeToken('b'.repeat(32), 'x@y.cn'))).toBeNull();
    expect(verifyUnsubscribeToken(secret, 'not-a-token')).toBeNull();
    expect(verifyUnsubscribeToken(secret, '')).toBeNull();
  });
});
