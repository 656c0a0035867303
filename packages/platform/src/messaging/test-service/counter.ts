// A tiny aggregate for the messaging tests: a counter whose every change emits an event through the outbox.
import { Schema, type Connection, type Model } from 'mongoose';
import { z } from 'zod';
import { initialOutbox, newEvent, outboxPlugin, withEvents, type OutboxFields } from '../outbox.ts';

export const CounterEvents = {
  'counter.created': z.object({ name: z.string() }),
  'counter.incremented': z.object({ by: z.number().int().positive() }),
};

export interface Counter extends OutboxFields {
  _id: string;
  name: string;
  value: number;
}

export function counterModel(conn: Connection): Model<Counter> {
  const schema = new Schema<Counter>({
    _id: { type: String, required: true },
    name: String,
    value: Number,
  });
  schema.plugin(outboxPlugin);
  return conn.models.Counter ?? conn.model<Counter>('Counter', schema, 'counters');
}

export async function createCounter(
  model: Model<Counter>,
  id: string,
  name: string,
): Promise<void> {
  await model.create({
    _id: id,
    name,
    value: 0,
    ...initialOutbox([newEvent('counter.created', { name })]),
  });
}

/** One conditional single-document update: the new value and its event, together. */
export async function increment(model: Model<Counter>, id: string, by = 1): Promise<boolean> {
  const res = await model.updateOne(
    { _id: id },
    withEvents({ $inc: { value: by } }, [newEvent('counter.incremented', { by })]),
  );
  return res.modifiedCount === 1;
}
