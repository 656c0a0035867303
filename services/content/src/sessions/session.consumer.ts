// The Kafka entry point of the session read model: the platform consumer parses, this applies one event.
import { EventConsumer } from '@lianxin/platform/messaging';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Deps } from '../shared/deps.ts';
import { applySessionEvent, SessionEvents } from './apply-session-event.ts';

export interface SessionConsumerOptions {
  kafka: Kafka;
  conn: Connection;
  topic: string;
  groupId: string;
  log: Logger;
  deps: Pick<Deps, 'sessions'>;
}

export function sessionConsumer(opts: SessionConsumerOptions): EventConsumer<typeof SessionEvents> {
  return new EventConsumer({
    kafka: opts.kafka,
    groupId: opts.groupId,
    topics: [opts.topic],
    events: SessionEvents,
    dedupe: opts.conn,
    // A new group rebuilds the read model from the whole topic.
    fromBeginning: true,
    log: opts.log,
    handle: (event) => applySessionEvent(opts.deps, event),
  });
}
