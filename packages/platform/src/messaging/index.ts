// Messaging: the outbox and its relay, idempotent consumers with dead letters, read-model projections.
export {
  createKafka,
  ensureTopics,
  pingKafka,
  EVENT_PRODUCER,
  type KafkaOptions,
  type TopicSpec,
} from './kafka.ts';
export {
  newEvent,
  newSharedEvent,
  sharedEventId,
  outboxPlugin,
  withEvents,
  initialOutbox,
  sequenceOf,
  type PendingEvent,
  type OutboxFields,
} from './outbox.ts';
export { OutboxRelay, type RelayOptions, type RelaySource } from './relay.ts';
export {
  EventConsumer,
  type ConsumerOptions,
  type EventOf,
  type EventSchemas,
  type MessageContext,
} from './consumer.ts';
export { applyIfNewer } from './projection.ts';
export { dlqTopicOf, headerString, originalHeaders } from './dlq.ts';
export { listDeadLetters, replayDeadLetters, type DeadLetter } from './dlq-tool.ts';
export { encodeEnvelope, type Envelope, HEADER_EVENT_ID, HEADER_EVENT_TYPE } from './envelope.ts';
export {
  DEFAULT_RETENTION_MS,
  dedupePruneJob,
  longestRetentionMs,
  pruneDedupeMarks,
  RETENTION_MARGIN_MS,
  type DedupePruneOptions,
} from './dedupe-prune.ts';
