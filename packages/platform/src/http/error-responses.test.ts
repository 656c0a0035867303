// Tests for declared error codes: OpenAPI lists each route's codes plus the common ones, and an undeclared code is caught.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DestinationStream } from 'pino';
import { generateKeyPair } from '../auth/keys.ts';
import { requireRole } from '../auth/authenticate.ts';
import { createTokenVerifier } from '../auth/verify-token.ts';
import { conflict, ErrorBody, notFound, TEXT } from '../errors/index.ts';
import { createLogger } from '../log/create-logger.ts';
import { createApp } from './create-app.ts';
import type { App, CreateAppOptions } from './create-app.ts';
import { errorResponses } from './error-responses.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

async function build(options: CreateAppOptions = {}): Promise<App> {
  const keys = await generateKeyPair();
  const target = await createApp({
    auth: await createTokenVerifier({ publicKey: keys.publicKey, issuer: 'i', audience: 'a' }),
    ...options,
  });
  app = target;
  target.post(
    '/venues/:id/book',
    {
      onRequest: [target.authenticate, requireRole('coordinator')],
      schema: {
        params: z.strictObject({ id: z.string() }),
        response: {
          200: z.object({ ok: z.boolean() }),
          ...errorResponses('NOT_FOUND', 'VENUE_CONFLICT'),
        },
      },
    },
    () => ({ ok: true }),
  );
  target.get(
    '/venues/:id',
    {
      schema: { response: { 200: z.object({ ok: z.boolean() }), ...errorResponses('NOT_FOUND') } },
    },
    (request) => {
      const { id } = request.params as { id: string };
      if (id === 'taken') {
        throw conflict('VENUE_CONFLICT', { zh: '已被占用', en: 'Booked' });
      }
      throw notFound();
    },
  );
  await target.ready();
  return target;
}

function codesIn(operation: Operation | undefined, status: string): string[] {
  const description = operation?.responses[status]?.description ?? '';
  return description.replace(/^Error codes: /, '').split(', ');
}

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

describe('declared error codes', () => {
  it('when a route names its codes, then OpenAPI lists them by status with the common ones and bearer security', async () => {
    const target = await build();
    const doc = (await target.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const book = doc.paths['/venues/{id}/book']?.post;
    expect(book?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(book?.responses ?? {}).sort()).toEqual(
      ['200', '400', '401', '403', '404', '409', '413', '415', '429', '500', '503'].sort(),
    );
    expect(codesIn(book, '404')).toEqual(['NOT_FOUND']);
    expect(codesIn(book, '409')).toEqual(['VENUE_CONFLICT']);
    expect(codesIn(book, '400')).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'INVALID_JSON', 'BAD_REQUEST']),
    );
    expect(codesIn(book, '503')).toEqual(['SHUTTING_DOWN']);
    const schema = JSON.stringify(book?.responses['409']?.content?.['application/json']?.schema);
    expect(schema).toContain('"enum":["VENUE_CONFLICT"]');

    const read = doc.paths['/venues/{id}']?.get;
    expect(read?.security).toBeUndefined();
    expect(Object.keys(read?.responses ?? {})).not.toContain('401');
    expect(Object.keys(read?.responses ?? {})).not.toContain('415');
  });

  it('when a route throws a code it did not declare in strict mode, then 500 names the code and the log says so', async () => {
    const logs = captureLogs();
    const target = await build({
      strictErrorCodes: true,
      logger: createLogger({ destination: logs.stream }),
    });
    const declared = await target.inject({ method: 'GET', url: '/venues/v1' });
    expect(declared.statusCode).toBe(404);
    const undeclared = await target.inject({ method: 'GET', url: '/venues/taken' });
    expect(undeclared.statusCode).toBe(500);
    expect(undeclared.json()).toMatchObject({
      error: { code: 'INTERNAL', details: [{ rule: 'undeclared_code' }] },
    });
    expect(JSON.stringify(undeclared.json())).toContain('VENUE_CONFLICT');
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        code: 'VENUE_CONFLICT',
        msg: 'error code not declared in the route responses',
      }),
    );
  });

  it('when not strict, then an undeclared code is still sent as is and logged', async () => {
    const logs = captureLogs();
    const target = await build({ logger: createLogger({ destination: logs.stream }) });
    const response = await target.inject({ method: 'GET', url: '/venues/taken' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'VENUE_CONFLICT' } });
    expect(logs.lines().map((l) => l['msg'])).toContain(
      'error code not declared in the route responses',
    );
  });
});

/** One raw HTTP/1.1 socket: write requests when the test says, collect all the server writes. */
function rawSocket(
  port: number,
): Promise<{ write: (text: string) => void; ended: Promise<string> }> {
  return new Promise((resolve, reject) => {
    let data = '';
    let onEnd: (text: string) => void = () => undefined;
    const ended = new Promise<string>((done) => (onEnd = done));
    const socket = connect(port, '127.0.0.1', () => {
      resolve({ write: (text) => socket.write(text), ended });
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => {
      onEnd(data);
    });
    socket.on('error', reject);
  });
}

describe('shutdown', () => {
  it('when a request arrives on an open socket while the app closes, then it gets our 503 SHUTTING_DOWN body', async () => {
    const target = await createApp();
    target.get('/after', () => ({ served: true }));
    await target.listen({ port: 0, host: '127.0.0.1' });
    const { port } = target.server.address() as AddressInfo;
    const socket = await rawSocket(port);
    // A request whose headers are still arriving keeps its socket active, so closing keeps it.
    socket.write('GET /after HTTP/1.1\r\nHost: x\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = target.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write('Connection: keep-alive\r\n\r\n');
    const output = await socket.ended;
    await closed;
    expect(output).toMatch(/^HTTP\/1\.1 503/);
    expect(output).toMatch(/connection: close/i);
    expect(output).not.toContain('served');
    const body = output.slice(output.indexOf('\r\n\r\n') + 4);
    expect(ErrorBody.parse(JSON.parse(body)).error).toMatchObject({
      code: 'SHUTTING_DOWN',
      message: TEXT.shuttingDown,
    });
  });
});
