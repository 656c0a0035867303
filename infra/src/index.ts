// The local stack as a library: what the test provider and `pnpm start` use.
export {
  up,
  down,
  status,
  reset,
  SERVICES,
  servicesOf,
  PortConflictError,
  type ServiceName,
  type UpResult,
} from './stack.ts';
export {
  probeKafka,
  probeMongo,
  probePostgres,
  probeSmtp,
  probeMailApi,
  probesFor,
} from './probes.ts';
export {
  loadSettings,
  endpointsOf,
  DB_BACKENDS,
  type DbBackend,
  type StackEndpoints,
  type StackSettings,
} from './settings.ts';
export { consoleReporter, silentReporter, type Reporter } from './console.ts';
export { MissingToolError } from './provision.ts';
export { freePort, portInUse } from './processes.ts';
