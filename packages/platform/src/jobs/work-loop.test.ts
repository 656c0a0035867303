// Unit tests of the worker loop: one pass at a time, at once while there is more, on wake-up, after the poll, and past failures.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { WorkLoop } from './work-loop.ts';

const log = pino({ level: 'silent' });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WorkLoop', () => {
  it('when passes are slow and wake() is called many times meanwhile, then passes never overlap', async () => {
    let inPass = 0;
    let most = 0;
    let passes = 0;
    const loop = new WorkLoop({
      name: 't',
      log,
      pollMs: 5,
      pass: async () => {
        inPass += 1;
        most = Math.max(most, inPass);
        await pause(10);
        inPass -= 1;
        passes += 1;
        return false;
      },
    });
    loop.start();
    loop.start();
    for (let i = 0; i < 200; i += 1) {
      loop.wake();
      if (i % 20 === 0) await pause(3);
    }
    await pause(100);
    await loop.stop();
    expect(most).toBe(1);
    expect(passes).toBeGreaterThan(2);
  });

  it('when a pass reports more work, then the next starts at once, and when idle it waits for the poll or a wake-up', async () => {
    const at: number[] = [];
    let left = 3;
    const loop = new WorkLoop({
      name: 't',
      log,
      pollMs: 400,
      pass: () => {
        at.push(performance.now());
        left -= 1;
        return Promise.resolve(left > 0);
      },
    });
    const t0 = performance.now();
    loop.start();
    await pause(150);
    // Three passes back to back, then asleep until the poll.
    expect(at).toHaveLength(3);
    expect((at[2] ?? 0) - t0).toBeLessThan(100);
    loop.wake();
    await pause(50);
    expect(at).toHaveLength(4);
    await pause(450);
    expect(at.length).toBeGreaterThanOrEqual(5);
    await loop.stop();
  });

  it('when a pass throws, then the loop logs it, waits, and keeps going', async () => {
    let calls = 0;
    const loop = new WorkLoop({
      name: 't',
      log,
      pollMs: 20,
      failureBackoffMs: 20,
      pass: () => {
        calls += 1;
        if (calls <= 2) return Promise.reject(new Error('database away'));
        return Promise.resolve(false);
      },
    });
    loop.start();
    await pause(200);
    await loop.stop();
    expect(loop.status().failures).toBe(2);
    expect(calls).toBeGreaterThan(3);
  });

  it('when stop() is called during a pass, then it waits for that pass and no other starts', async () => {
    let finished = 0;
    let started = 0;
    const loop = new WorkLoop({
      name: 't',
      log,
      pollMs: 1,
      pass: async () => {
        started += 1;
        await pause(50);
        finished += 1;
        return true;
      },
    });
    loop.start();
    await pause(10);
    await loop.stop();
    expect(finished).toBe(started);
    await pause(60);
    expect(started).toBe(finished);
  });

  it('when passes keep finding nothing, then the wait doubles up to idlePollMs, and a pass with work or a wake-up brings it back to pollMs', async () => {
    const at: number[] = [];
    let work = false;
    const loop = new WorkLoop({
      name: 't',
      log,
      pollMs: 100,
      idlePollMs: 800,
      pass: () => {
        at.push(performance.now());
        const found = work;
        work = false;
        return Promise.resolve(found ? false : 'idle');
      },
    });
    loop.start();
    await pause(2_500);
    // Waits after idle passes: 200, 400, 800, 800 … so ~5 passes in 2.5 s, not 25.
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    expect(at.length).toBeLessThanOrEqual(7);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(750);
    expect(Math.max(...gaps)).toBeLessThan(1_200);
    // A wake-up runs a pass at once; one that finds work resets the wait to pollMs.
    work = true;
    const before = at.length;
    loop.wake();
    await pause(50);
    expect(at.length).toBe(before + 1);
    await pause(100);
    expect(at.length).toBe(before + 2); // 100 ms (pollMs) after the pass with work, not 800
    await loop.stop();
  });
});
