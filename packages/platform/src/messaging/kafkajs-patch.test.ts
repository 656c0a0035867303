// The project's kafkajs 2.2.4 patch (patches/kafkajs@2.2.4.patch, ADRs 038, 042): an idle connection arms no 1 ms timer, and its timeout check runs once a second.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null | undefined;
  inflight: Map<number, { sentAt: number; requestTimeout: number; timeoutRequest: () => void }>;
  checkPendingRequests: () => void;
  scheduleCheckPendingRequests: () => void;
  scheduleRequestTimeoutCheck: () => void;
  destroy: () => void;
}

// kafkajs has no `exports` map: its request queue is reachable by path, as the patch edits it.
const RequestQueue = createRequire(import.meta.url)(
  'kafkajs/src/network/requestQueue/index.js',
) as new (options: Record<string, unknown>) => Queue;

const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const queue = (enforceRequestTimeout = false) =>
  new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout,
    clientId: 'patch-test',
    broker: '127.0.0.1:9092',
    logger: quiet,
  });

describe('kafkajs request queue (patched)', () => {
  it('when a connection has nothing pending and is not throttled, then checking its queue arms no timer (unpatched, it re-armed a 1 ms timer forever: kafkajs#1556)', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId ?? null).toBeNull();
  });

  it('when the broker throttles the connection, then a check is still scheduled for the end of the throttle', () => {
    const q = queue();
    q.throttledUntil = Date.now() + 5_000;
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId ?? null).not.toBeNull();
    if (q.throttleCheckTimeoutId) clearTimeout(q.throttleCheckTimeoutId);
  });

  it('when requests wait in the queue, then a check is scheduled to send them', () => {
    const q = queue();
    q.pending.push({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId ?? null).not.toBeNull();
    if (q.throttleCheckTimeoutId) clearTimeout(q.throttleCheckTimeoutId);
  });

  describe('request timeouts', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('when a request passes its timeout, then it is still timed out, within a second of its deadline', () => {
      vi.useFakeTimers();
      const q = queue(true);
      const timedOut = vi.fn();
      q.inflight.set(1, { sentAt: Date.now(), requestTimeout: 30_000, timeoutRequest: timedOut });
      q.scheduleRequestTimeoutCheck();
      vi.advanceTimersByTime(30_000);
      expect(timedOut).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1_000);
      expect(timedOut).toHaveBeenCalledTimes(1);
      q.destroy();
    });

    it('when requests are in flight within their timeout, then an idle minute checks them 60 times, not 600 (unpatched: every 100 ms for as long as the connection is open)', () => {
      vi.useFakeTimers();
      const q = queue(true);
      let checks = 0;
      const sentAt = Date.now();
      q.inflight.set(1, {
        sentAt,
        get requestTimeout() {
          checks += 1;
          return 120_000;
        },
        timeoutRequest: () => undefined,
      });
      q.scheduleRequestTimeoutCheck();
      vi.advanceTimersByTime(60_000);
      expect(checks).toBe(60);
      q.destroy();
    });
  });
});
