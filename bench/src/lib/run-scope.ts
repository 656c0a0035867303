// What one bench run owns on the shared servers: databases and Kafka topics named by the run, so runs never touch each other's.
import { MongoClient } from 'mongodb';
import type { Kafka } from 'kafkajs';
import type { Backend } from './stack.ts';

/**
 * A run's tag: `r<start, base-36 seconds>p<pid>`. The pid says whether the run is still going
 * (the bench runs on the machine of its servers), so a later run can clear what a dead one left.
 */
export function runTagOf(pid: number, at: Date): string {
  return `r${Math.floor(at.getTime() / 1000).toString(36)}p${pid}`;
}

/** This process's run. */
export const THIS_RUN = runTagOf(process.pid, new Date());

const TAGGED = /^bench[_-](r[0-9a-z]+p(\d+))[_.]/;

/** The run tag and pid in a bench database or topic name, or undefined for any other name. */
export function runOf(name: string): { tag: string; pid: number } | undefined {
  const m = TAGGED.exec(name);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  return { tag: m[1], pid: Number(m[2]) };
}

/**
 * The run's database for a service or a benchmark on a backend, e.g.
 * `bench_rsn2k4ap8812_postgresql_outreach`. Before each run had its own, a run started beside
 * another dropped the other's databases under it (its reads answered 404: ADR 041).
 */
export const benchDbName = (backend: Backend, service: string, run: string = THIS_RUN): string =>
  `bench_${run}_${backend.name}_${service}`;

/**
 * The run's KAFKA_TOPIC_PREFIX: its services' topics and consumer groups are its own, so it
 * neither inherits the dev stack's offsets nor shares partitions with a `pnpm start`'s consumers.
 */
export const benchTopicPrefix = (run: string = THIS_RUN): string => `bench-${run}.`;

/** A topic of this run (a service's, or one the bench makes for a ceiling). */
export const benchTopic = (name: string, run: string = THIS_RUN): string =>
  `${benchTopicPrefix(run)}${name}`;

/** Whether the process is alive (EPERM: alive, someone else's). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True for a name this run must clear: its own, or a finished run's. Never a live run's. */
function clearable(name: string, run: string, alive: (pid: number) => boolean): boolean {
  const owner = runOf(name);
  if (owner === undefined) return false;
  return owner.tag === run || !alive(owner.pid);
}

/**
 * Drops this run's databases on a backend, and those left by runs that are no longer alive
 * (an interrupted run never reaches its own clean-up). Another live run's are left alone.
 */
export async function dropRunDatabases(
  backend: Backend,
  run: string = THIS_RUN,
  alive: (pid: number) => boolean = pidAlive,
): Promise<string[]> {
  const mongo = await MongoClient.connect(backend.mongoUrl);
  try {
    const { databases } = await mongo.db('admin').admin().listDatabases({ nameOnly: true });
    const names = databases.map((d) => d.name).filter((n) => clearable(n, run, alive));
    for (const name of names) await mongo.db(name).dropDatabase();
    return names;
  } finally {
    await mongo.close();
  }
}

/** Deletes this run's topics and those of runs no longer alive, as dropRunDatabases does. */
export async function deleteRunTopics(
  kafka: Kafka,
  run: string = THIS_RUN,
  alive: (pid: number) => boolean = pidAlive,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => clearable(t, run, alive));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    return topics;
  } finally {
    await admin.disconnect();
  }
}
