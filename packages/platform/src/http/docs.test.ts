// Tests for the OpenAPI document, the Swagger UI behind helmet, and security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from './create-app.ts';
import type { App } from './create-app.ts';
import { BEARER_SECURITY } from './docs.ts';
import { errorResponses } from './error-responses.ts';

let app: App;
beforeAll(async () => {
  app = await createApp({ docs: { title: 'outreach', version: '1.2.3' } });
  app.post(
    '/sessions',
    {
      schema: {
        summary: 'Schedule a session',
        security: [{ [BEARER_SECURITY]: [] }],
        body: z.strictObject({ title: z.string().min(1), capacity: z.number().int().positive() }),
        response: {
          201: z.object({ id: z.string(), title: z.string() }),
          ...errorResponses(400, 409),
        },
      },
    },
    async (request, reply) => reply.status(201).send({ id: 's-1', title: request.body.title }),
  );
});
afterAll(async () => {
  await app.close();
});

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

describe('OpenAPI docs', () => {
  it('when /docs/json is fetched, then it lists the route with its request and response schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<OpenApiDocument>();
    expect(doc.info).toEqual({ title: 'outreach', version: '1.2.3' });
    const operation = doc.paths['/sessions']?.['post'];
    expect(operation).toMatchObject({
      summary: 'Schedule a session',
      security: [{ bearerAuth: [] }],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                title: { type: 'string', minLength: 1 },
                capacity: { type: 'integer' },
              },
              required: ['title', 'capacity'],
              additionalProperties: false,
            },
          },
        },
      },
      responses: {
        201: {
          content: { 'application/json': { schema: { properties: { id: { type: 'string' } } } } },
        },
        409: {
          content: {
            'application/json': { schema: { properties: { error: { type: 'object' } } } },
          },
        },
      },
    });
    expect(doc.paths['/healthz']).toBeDefined();
    expect(doc.paths['/readyz']).toBeDefined();
  });

  it('when the UI is opened, then it loads under a CSP that allows its own scripts', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const script = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(script.statusCode).toBe(200);
  });

  it('when an API route answers, then helmet’s security headers are present', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
