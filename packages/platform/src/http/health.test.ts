// Tests for /healthz and /readyz with caller-supplied probes.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './create-app.ts';
import type { App } from './create-app.ts';
import type { ReadinessProbe } from './health.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function build(
  readiness: Record<string, ReadinessProbe>,
  readinessTimeoutMs = 2000,
): Promise<App> {
  app = await createApp({
    readiness,
    readinessTimeoutMs,
    rateLimit: { max: 1, timeWindow: 60_000 },
  });
  return app;
}

describe('health', () => {
  it('when the process is up, then /healthz answers 200 ok', async () => {
    const response = await (await build({})).inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('when every probe resolves, then /readyz answers 200 with each probe up', async () => {
    const target = await build({
      database: () => Promise.resolve('pong'),
      broker: () => Promise.resolve(),
    });
    const response = await target.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ready',
      failing: [],
      checks: { database: { status: 'up' }, broker: { status: 'up' } },
    });
  });

  it('when a probe rejects, then /readyz answers 503 naming it, without the error text', async () => {
    const target = await build({
      database: () => Promise.resolve('pong'),
      broker: () => Promise.reject(new Error('connect ECONNREFUSED kafka://user:secret@10.0.0.1')),
    });
    const response = await target.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'not_ready',
      failing: ['broker'],
      checks: { database: { status: 'up' }, broker: { status: 'down', reason: 'error' } },
    });
    expect(response.body).not.toContain('secret');
  });

  it('when a probe hangs, then it counts as down after the timeout', async () => {
    const target = await build({ database: () => new Promise(() => undefined) }, 50);
    const response = await target.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      failing: ['database'],
      checks: { database: { reason: 'timeout' } },
    });
  });

  it('when polled often, then health routes are not rate limited', async () => {
    const target = await build({});
    for (let i = 0; i < 5; i += 1) {
      expect((await target.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await target.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    }
  });

  it('when the service adds readiness details, then /readyz shows them; when they fail, readiness is unchanged and they are left out', async () => {
    app = await createApp({
      readiness: { database: () => Promise.resolve() },
      readinessDetails: () => Promise.resolve({ consumerLag: { total: 3 } }),
      rateLimit: false,
    });
    const shown = await app.inject({ method: 'GET', url: '/readyz' });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ status: 'ready', details: { consumerLag: { total: 3 } } });
    await app.close();
    app = await createApp({
      readiness: { database: () => Promise.resolve() },
      readinessDetails: () => Promise.reject(new Error('broker slow')),
      rateLimit: false,
    });
    const failed = await app.inject({ method: 'GET', url: '/readyz' });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).not.toHaveProperty('details');
  });
});
