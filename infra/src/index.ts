// The local stack as a library: what the test provider and `pnpm start` use.
export {
  up,
  down,
  status,
  reset,
  SERVICES,
  PortConflictError,
  type ServiceName,
  type UpResult,
} from './stack.ts';
export { probeKafka, probeMongo, probeSmtp, probeMailApi, probesFor } from './probes.ts';
export { loadSettings, endpointsOf, type StackEndpoints, type StackSettings } from './settings.ts';
export { consoleReporter, silentReporter, type Reporter } from './console.ts';
export { MissingToolError } from './provision.ts';
export { portInUse } from './processes.ts';
