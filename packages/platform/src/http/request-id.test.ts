// Tests for request ids: a sane incoming x-request-id is kept and echoed, anything else is replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './create-app.ts';
import type { App } from './create-app.ts';

let app: App;
beforeAll(async () => {
  app = await createApp();
  app.get('/ping', (request) => ({ id: request.id }));
});
afterAll(async () => {
  await app.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('when the client sends a sane x-request-id, then it is used and echoed', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/ping',
      headers: { 'x-request-id': 'console-42.a:b_c' },
    });
    expect(response.headers['x-request-id']).toBe('console-42.a:b_c');
    expect(response.json()).toEqual({ id: 'console-42.a:b_c' });
  });

  it('when there is no x-request-id, then a uuid is generated and echoed', async () => {
    const response = await app.inject({ method: 'GET', url: '/ping' });
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it.each([['has spaces and\nnewlines'], ['x'.repeat(200)], ['<script>']])(
    'when the incoming id is %j, then it is replaced by a uuid',
    async (incoming) => {
      const response = await app.inject({
        method: 'GET',
        url: '/ping',
        headers: { 'x-request-id': incoming.replace('\n', ' ') },
      });
      expect(response.headers['x-request-id']).toMatch(UUID);
    },
  );

  it('when the request fails, then the error response still carries the id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/missing',
      headers: { 'x-request-id': 'trace-1' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('trace-1');
  });
});
