// Tests for the one error shape: AppError mapping, hidden 5xx, body limit, bad JSON and unknown routes.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DestinationStream } from 'pino';
import { createLogger } from '../log/create-logger.ts';
import { createApp } from './create-app.ts';
import type { App, CreateAppOptions } from './create-app.ts';
import { conflict, ErrorBody, notFound } from '../errors/index.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function captureLogs(): { stream: DestinationStream; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  return {
    stream: { write: (chunk: string) => void chunks.push(chunk) },
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

async function build(options: CreateAppOptions = {}): Promise<App> {
  const target = await createApp(options);
  app = target;
  target.post('/echo', { schema: { body: z.strictObject({ text: z.string() }) } }, (request) => ({
    length: request.body.text.length,
  }));
  target.get('/sessions/:id', () => {
    throw notFound();
  });
  target.post('/venues', () => {
    throw conflict(
      'VENUE_CONFLICT',
      { zh: '该场地在此时段已被占用', en: 'The venue is booked at that time' },
      [
        {
          path: 'venue',
          rule: 'booked',
          message: { zh: '已被占用', en: 'booked' },
          conflictingSessionId: 's-9',
        },
      ],
    );
  });
  target.get('/boom', () => {
    throw new Error('connection string mongodb://admin:hunter2@db failed for 13812345678');
  });
  target.get(
    '/bad-response',
    { schema: { response: { 200: z.object({ count: z.number() }) } } },
    () => ({ count: 'many' }) as unknown as { count: number },
  );
  return target;
}

describe('error handling', () => {
  it('when a use case throws an AppError, then its status, code, message and details are sent', async () => {
    const response = await (await build()).inject({ method: 'POST', url: '/venues' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: {
        code: 'VENUE_CONFLICT',
        message: { zh: '该场地在此时段已被占用', en: 'The venue is booked at that time' },
        details: [
          {
            path: 'venue',
            rule: 'booked',
            message: { zh: '已被占用', en: 'booked' },
            conflictingSessionId: 's-9',
          },
        ],
      },
    });
  });

  it('when notFound() is thrown, then 404 NOT_FOUND with both languages even if English is asked for', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'GET',
      url: '/sessions/s-1',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: { zh: '资源不存在', en: 'The resource does not exist' },
      },
    });
  });

  it('when an unexpected Error is thrown, then 500 INTERNAL hides it and the log keeps it with request context', async () => {
    const logs = captureLogs();
    const target = await build({ logger: createLogger({ destination: logs.stream }) });
    const response = await target.inject({
      method: 'GET',
      url: '/boom',
      headers: { 'x-request-id': 'req-500' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'INTERNAL', message: { zh: '内部错误', en: 'Internal error' } },
    });
    expect(response.body).not.toContain('hunter2');

    const failure = logs.lines().find((line) => line['msg'] === 'request failed');
    expect(failure).toMatchObject({
      level: 'error',
      reqId: 'req-500',
      route: '/boom',
      req: { method: 'GET', url: '/boom' },
      err: { type: 'Error' },
    });
    expect(JSON.stringify(failure)).toContain('connection string');
    // Bounded, so digit runs such as a float responseTime do not count.
    expect(JSON.stringify(logs.lines())).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('when a handler returns data that breaks its response schema, then 500 without the data', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/bad-response' });
    expect(response.statusCode).toBe(500);
    expect(ErrorBody.parse(response.json()).error.code).toBe('INTERNAL');
    expect(response.body).not.toContain('many');
  });

  it('when the body is over the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const target = await build({ bodyLimit: 1024 });
    const response = await target.inject({
      method: 'POST',
      url: '/echo',
      payload: { text: 'x'.repeat(2048) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: { zh: '请求体过大', en: 'The request body is too large' },
      },
    });
  });

  it('when no limit is given, then 1 MiB passes and more is refused', async () => {
    const target = await build();
    const fits = await target.inject({
      method: 'POST',
      url: '/echo',
      payload: { text: 'x'.repeat(1_000_000) },
    });
    expect(fits.statusCode).toBe(200);
    const tooBig = await target.inject({
      method: 'POST',
      url: '/echo',
      payload: { text: 'x'.repeat(1_100_000) },
    });
    expect(tooBig.statusCode).toBe(413);
  });

  it('when the JSON is malformed, then 400 INVALID_JSON', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": "unterminated',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'INVALID_JSON',
        message: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
      },
    });
  });

  it('when the JSON carries __proto__, then 400 rather than a polluted object', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": "x", "__proto__": {"isAdmin": true}}',
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.code).toBe('INVALID_JSON');
  });

  it('when the content type is unsupported, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<text/>',
    });
    expect(response.statusCode).toBe(415);
    expect(ErrorBody.parse(response.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the route does not exist, then 404 NOT_FOUND in the error shape', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/no/such/route' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: { zh: '接口不存在', en: 'No such endpoint' } },
    });
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });
});
