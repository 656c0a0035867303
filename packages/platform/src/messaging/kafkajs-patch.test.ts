// The project's kafkajs 2.2.4 patch (patches/kafkajs@2.2.4.patch, ADR 038): an idle connection arms no timer.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null | undefined;
  checkPendingRequests: () => void;
  scheduleCheckPendingRequests: () => void;
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
const queue = () =>
  new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
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
});
