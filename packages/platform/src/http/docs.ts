// The OpenAPI document and Swagger UI at /docs (/docs/json), generated from the routes' zod schemas.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export interface DocsOptions {
  title: string;
  version: string;
  description?: string;
}

export const DOCS_PREFIX = '/docs';

/** Name of the bearer scheme; routes list it in `schema.security: [{ bearerAuth: [] }]`. */
export const BEARER_SECURITY = 'bearerAuth';

// Helmet's default CSP includes `upgrade-insecure-requests`, which breaks the UI's own assets
// when a service is opened over plain http on a laptop. The UI loads only same-origin scripts,
// so this policy is as tight as helmet's otherwise; swagger-ui sets it on its routes only.
const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

export async function registerDocs(app: FastifyInstance, options: DocsOptions): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: options.title,
        version: options.version,
        ...(options.description === undefined ? {} : { description: options.description }),
      },
      components: {
        securitySchemes: {
          [BEARER_SECURITY]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: DOCS_CSP });
}
