// Jobs: periodic work and worker loops that never overlap themselves, in one process or across replicas.
export {
  PeriodicJob,
  type JobOutcome,
  type JobPass,
  type JobStatus,
  type PeriodicJobOptions,
} from './periodic-job.ts';
export { JobLease, LEASE_COLLECTION, type LeaseDoc } from './lease.ts';
export { WorkLoop, type WorkLoopOptions } from './work-loop.ts';
