// Serves the web app's production build: hashed assets pre-compressed and cached for a year, every other page path the SPA's index.html.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '@lianxin/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../shared/deps.ts';

export async function webRoutes(app: App, deps: Deps): Promise<void> {
  const dist = deps.settings.webDist;
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    deps.log.warn({ dist }, 'web app not built: run `pnpm --filter @lianxin/console build:web`');
    return;
  }
  const index = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
    prefix: '/assets/',
    immutable: true,
    // The build writes `.br` and `.gz` beside each asset (vite.config.ts): no compression per request.
    preCompressed: true,
    maxAge: '365d',
    index: false,
  });
  const page = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  app.get('/', { schema: { hide: true } }, page);
  // Client-side routes (/login, /activate/<token>, /sessions/…): the app decides what to show.
  app.get('/*', { schema: { hide: true } }, page);
}
