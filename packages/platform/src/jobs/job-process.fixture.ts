// A replica of a job as a process of its own, for the crash test: it takes the lease, announces it, and
// hangs inside its pass until it is killed — so its lease is never released, only left to expire.
import { pino } from 'pino';
import { connectDb } from '../db/index.ts';
import { PeriodicJob } from './periodic-job.ts';

const { DB_URL, JOB_NAME, LEASE_MS } = process.env;
if (!DB_URL || !JOB_NAME) throw new Error('DB_URL and JOB_NAME are required');

const conn = await connectDb({ url: DB_URL });
const job = new PeriodicJob({
  name: JOB_NAME,
  connection: conn,
  intervalMs: 60_000,
  leaseMs: Number(LEASE_MS ?? 30_000),
  log: pino({ level: 'silent' }),
  owner: 'crashing-replica',
  run: async () => {
    process.stdout.write('RUNNING\n');
    await new Promise(() => undefined); // never returns: SIGKILL comes first
  },
});
job.start();
