// Test infrastructure: per-file settings for the real servers and helpers to observe them.
export { testEnv, type TestEnv } from './test-env.ts';
export { createTopics, readTopic, kafkaClient, type ReadMessage } from './kafka.ts';
export { Mailbox, type ReceivedMail } from './mailbox.ts';
export type { InfraSettings } from './settings.ts';
export { privateKafka, type PrivateKafka } from './private-kafka.ts';
export { databaseKind, type DatabaseKind } from './database-kind.ts';
