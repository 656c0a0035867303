// The test service's HTTP side on the platform's createApp: routes that change a counter through the outbox.
import type { Model } from 'mongoose';
import { z } from 'zod';
import { notFound } from '../../errors/index.ts';
import { createApp, type App } from '../../http/index.ts';
import type { OutboxRelay } from '../relay.ts';
import { createCounter, increment, type Counter } from './counter.ts';

const Params = z.strictObject({ id: z.string().regex(/^[a-z0-9_-]{1,80}$/) });
const IncrementBody = z.strictObject({ by: z.int().min(1).max(100).default(1) });

export async function counterApp(counters: Model<Counter>, relay: OutboxRelay): Promise<App> {
  const app = await createApp({ rateLimit: false });
  app.post('/counters/:id', { schema: { params: Params } }, async (req, reply) => {
    await createCounter(counters, req.params.id, req.params.id);
    relay.wake();
    return reply.code(201).send({ id: req.params.id });
  });
  app.post(
    '/counters/:id/increments',
    { schema: { params: Params, body: IncrementBody } },
    async (req) => {
      if (!(await increment(counters, req.params.id, req.body.by))) throw notFound();
      relay.wake();
      return { id: req.params.id };
    },
  );
  return app;
}
