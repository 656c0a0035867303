// Test infrastructure: per-file settings for the real servers, identities, the service harness and observers.
export { testEnv, type TestEnv } from './test-env.ts';
export { createTopics, readTopic, kafkaClient, type ReadMessage } from './kafka.ts';
export { Mailbox, type ReceivedMail } from './mailbox.ts';
export type { InfraSettings } from './settings.ts';
export { privateKafka, type PrivateKafka } from './private-kafka.ts';
export {
  caller,
  principalOf,
  testAuth,
  type Caller,
  type Claims,
  type LiaisonOf,
  type Method,
  type StaffRoleName,
  type TestAuth,
  type Who,
} from './auth.ts';
export { serviceHarness, type HarnessOptions, type ServiceHarness } from './service-harness.ts';
export { databaseKind, type DatabaseKind } from './database-kind.ts';
export {
  concretePath,
  describeErrorContract,
  errorDocProblems,
  isDocumented,
  operationErrors,
  probeOperations,
  type OperationErrors,
} from './openapi-errors.ts';
