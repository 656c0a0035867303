// The test service's HTTP side: a route that changes a counter (and so emits an event through the outbox).
import Fastify, { type FastifyInstance } from 'fastify';
import type { Model } from 'mongoose';
import type { OutboxRelay } from '../relay.ts';
import { createCounter, increment, type Counter } from './counter.ts';

export function counterApp(counters: Model<Counter>, relay: OutboxRelay): FastifyInstance {
  const app = Fastify();
  app.post<{ Params: { id: string } }>('/counters/:id', async (req, reply) => {
    await createCounter(counters, req.params.id, req.params.id);
    relay.wake();
    return reply.code(201).send({ id: req.params.id });
  });
  app.post<{ Params: { id: string } }>('/counters/:id/increments', async (req, reply) => {
    if (!(await increment(counters, req.params.id)))
      return reply.code(404).send({ error: 'no such counter' });
    relay.wake();
    return reply.code(200).send({ id: req.params.id });
  });
  return app;
}
