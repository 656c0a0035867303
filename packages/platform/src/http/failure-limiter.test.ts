// Unit tests of the failure limiter: the budget per key, attempts counted before their outcome, the window's end, the bounded memory.
import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './failure-limiter.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('FailureLimiter', () => {
  it('when a key has failed max times, then it is refused with the seconds left; other keys are not', () => {
    const c = clock();
    const limiter = new FailureLimiter({ maxFailures: 3, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i += 1) expect(limiter.attempt('a')).toBeNull();
    c.advance(20_000);
    expect(limiter.attempt('a')).toBe(40);
    expect(limiter.attempt('b')).toBeNull();
  });

  it('when attempts are still in flight, then they hold the budget; forgiven ones give it back', () => {
    const limiter = new FailureLimiter({ maxFailures: 2, windowMs: 60_000 });
    expect(limiter.attempt('a')).toBeNull();
    expect(limiter.attempt('a')).toBeNull();
    // Neither outcome known yet: a third is refused.
    expect(limiter.attempt('a')).not.toBeNull();
    limiter.forgive('a');
    expect(limiter.attempt('a')).toBeNull();
    expect(limiter.attempt('a')).not.toBeNull();
  });

  it('when successes keep coming, then they never use up the budget', () => {
    const limiter = new FailureLimiter({ maxFailures: 1, windowMs: 60_000 });
    for (let i = 0; i < 100; i += 1) {
      expect(limiter.attempt('room')).toBeNull();
      limiter.forgive('room');
    }
  });

  it('when the window has passed, then the key starts again with a full budget', () => {
    const c = clock();
    const limiter = new FailureLimiter({ maxFailures: 2, windowMs: 10_000, now: c.now });
    limiter.attempt('a');
    limiter.attempt('a');
    expect(limiter.attempt('a')).toBe(10);
    c.advance(10_000);
    expect(limiter.attempt('a')).toBeNull();
    expect(limiter.attempt('a')).toBeNull();
  });

  it('when more keys fail than it holds, then the oldest window is dropped and the newest kept', () => {
    const c = clock();
    const limiter = new FailureLimiter({
      maxFailures: 1,
      windowMs: 60_000,
      maxKeys: 2,
      now: c.now,
    });
    limiter.attempt('a');
    c.advance(1);
    limiter.attempt('b');
    c.advance(1);
    limiter.attempt('c');
    expect(limiter.attempt('a')).toBeNull();
    // 'a' came back and pushed out 'b', the oldest then.
    expect(limiter.attempt('c')).not.toBeNull();
  });
});
