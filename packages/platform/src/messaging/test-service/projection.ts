// The test service's read model: a counter total per aggregate, applied only for newer sequences.
import type { Connection } from 'mongoose';
import { applyIfNewer } from '../projection.ts';
import type { EventOf } from '../consumer.ts';
import type { CounterEvents } from './counter.ts';

export const PROJECTION = 'counter_totals';

/** Applies one event; `applied` records the sequences each subject applied, in order, for the tests. */
export function counterProjection(conn: Connection, applied = new Map<string, number[]>()) {
  return {
    applied,
    handle: async (event: EventOf<typeof CounterEvents>): Promise<void> => {
      const fields = event.type === 'counter.created' ? { name: event.data.name } : {};
      const inc = event.type === 'counter.incremented' ? { total: event.data.by } : { total: 0 };
      if (await applyIfNewer(conn, PROJECTION, event.subject, event.sequence, fields, inc)) {
        applied.set(event.subject, [...(applied.get(event.subject) ?? []), event.sequence]);
      }
    },
  };
}
