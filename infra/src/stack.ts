// The local stack: Kafka (KRaft, one node), FerretDB on PostgreSQL (or SQLite) and MailDev, as processes under one state dir.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleReporter, type Reporter } from './console.ts';
import { ferretdb, postgres } from './database.ts';
import {
  logFile,
  ownProcess,
  portHolder,
  portInUse,
  startProcess,
  stopProcess,
} from './processes.ts';
import { probesFor, waitFor } from './probes.ts';
import { maildevEntry, provisionKafka } from './provision.ts';
import { run } from './run.ts';
import { SERVICES, servicesOf, type ServiceDef, type ServiceName } from './service-def.ts';
import { endpointsOf, loadSettings, type StackEndpoints, type StackSettings } from './settings.ts';

export { SERVICES, servicesOf, type ServiceName } from './service-def.ts';

/** Every service a stack may have run, whichever backend is chosen now. */
const SERVICES_ALL: readonly ServiceName[] = SERVICES;

/** Kafka's cluster id format: 16 random bytes, base64url without padding, not starting with '-'. */
function kafkaClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function kafkaProperties(s: StackSettings, dataDir: string): string {
  const { host, ports } = s;
  return [
    '# Written by `pnpm infra up`: one node, broker and controller combined (KRaft), loopback only.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${host}:${ports.kafkaController}`,
    `listeners=PLAINTEXT://${host}:${ports.kafka},CONTROLLER://${host}:${ports.kafkaController}`,
    `advertised.listeners=PLAINTEXT://${host}:${ports.kafka}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    '# One node: internal topics cannot have more than one replica.',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'min.insync.replicas=1',
    '# Consumers join a group at once instead of waiting 3 s for more members.',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    'delete.topic.enable=true',
    'log.retention.hours=168',
    '# Idle cost (ADR 042): one node on a shared dev machine needs few threads, and the metadata',
    "# log's no-op heartbeat record (default every 500 ms, appended and applied) every 5 s is enough.",
    'num.network.threads=2',
    'num.io.threads=2',
    'background.threads=4',
    'metadata.max.idle.interval.ms=5000',
    '',
  ].join('\n');
}

const kafka: ServiceDef = {
  name: 'kafka',
  describe: (e) => `Kafka 3.9.1 (KRaft)       ${e.kafkaBrokers}`,
  ports: (s) => [s.ports.kafka, s.ports.kafkaController],
  prepare: async (s, out) => {
    const lib = await provisionKafka(s, out);
    const dir = join(s.stateDir, 'kafka');
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    const props = join(dir, 'server.properties');
    await writeFile(props, kafkaProperties(s, dataDir));
    const log4j = join(s.repoRoot, 'infra/kafka/log4j.properties');
    const jvm = [
      '-Xms256m',
      '-Xmx512m',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${log4j}`,
    ];
    if (!existsSync(join(dataDir, 'meta.properties'))) {
      const args = [...jvm, '-cp', `${lib}/*`, 'kafka.tools.StorageTool', 'format'];
      await run('java', [...args, '-t', kafkaClusterId(), '-c', props, '--ignore-formatted'], {
        cwd: dir,
      });
    }
    return {
      name: 'kafka',
      cmd: 'java',
      args: [...jvm, '-cp', `${lib}/*`, 'kafka.Kafka', props],
      cwd: dir,
      marker: props,
      ports: kafka.ports(s),
    };
  },
  probe: (e) => probesFor(e).kafka,
};

const maildev: ServiceDef = {
  name: 'maildev',
  describe: (e) => `MailDev (SMTP, inbox)     ${e.smtpUrl}, ${e.mailApiUrl.replace(/\/api$/, '')}`,
  ports: (s) => [s.ports.smtp, s.ports.mailWeb],
  prepare: async (s) => {
    const entry = maildevEntry(s);
    const dataDir = join(s.stateDir, 'maildev');
    await mkdir(dataDir, { recursive: true });
    return {
      name: 'maildev',
      cmd: process.execPath,
      args: [
        entry,
        '--smtp',
        String(s.ports.smtp),
        '--web',
        String(s.ports.mailWeb),
        '--ip',
        s.host,
        '--web-ip',
        s.host,
        '--mail-directory',
        dataDir,
      ],
      cwd: dataDir,
      marker: dataDir,
      ports: maildev.ports(s),
    };
  },
  probe: (e) => async () => {
    const p = probesFor(e);
    await p.smtp();
    await p.mailApi();
  },
};

const DEFS: Record<ServiceName, ServiceDef> = { kafka, postgres, ferretdb, maildev };

export interface ServiceStatus {
  name: ServiceName;
  state: 'running' | 'stopped' | 'not answering' | 'port held by another process';
  pid?: number;
  detail: string;
}

export class PortConflictError extends Error {}

async function startOne(
  s: StackSettings,
  def: ServiceDef,
  out: Reporter,
): Promise<'started' | 'already running'> {
  const e = endpointsOf(s);
  const mine = await ownProcess(s.stateDir, def.name);
  if (mine) {
    const err = await waitFor(def.probe(e), 30_000);
    if (err)
      throw new Error(`${def.name} (pid ${mine.pid}) runs but does not answer: ${err.message}`);
    return 'already running';
  }
  for (const port of def.ports(s)) {
    if (await portInUse(s.host, port)) {
      throw new PortConflictError(
        `${def.name}: port ${port} is held by ${await portHolder(port)}, not by this stack; stop it or set another port (see README), nothing was killed.`,
      );
    }
  }
  const spec = await def.prepare(s, out);
  const rec = await startProcess(s.stateDir, spec);
  let alive = true;
  const err = await waitFor(def.probe(e), 90_000, () => {
    try {
      process.kill(rec.pid, 0);
    } catch {
      alive = false;
    }
    return alive;
  });
  if (err) {
    const tail = (await readFile(rec.log, 'utf8').catch(() => ''))
      .split('\n')
      .slice(-15)
      .join('\n');
    await stopProcess(s.stateDir, rec, 5_000);
    throw new Error(
      `${def.name} did not come up: ${err.message}\n--- ${rec.log} (tail) ---\n${tail}`,
    );
  }
  return 'started';
}

export interface UpResult {
  endpoints: StackEndpoints;
  started: ServiceName[];
}

/** The services asked for, with what they need (FerretDB on PostgreSQL needs PostgreSQL). */
function withNeeds(s: StackSettings, only: readonly ServiceName[]): ServiceName[] {
  const all = servicesOf(s);
  const wanted = new Set(only.filter((n) => all.includes(n)));
  for (const n of [...wanted])
    for (const dep of DEFS[n].needs ?? []) if (all.includes(dep)) wanted.add(dep);
  return all.filter((n) => wanted.has(n));
}

/** Provisions what is missing and starts every server that isn't running; waits until each answers. */
export async function up(
  out: Reporter = consoleReporter,
  s = loadSettings(),
  only: readonly ServiceName[] = servicesOf(s),
): Promise<UpResult> {
  await mkdir(s.stateDir, { recursive: true });
  await writeFile(join(s.stateDir, '.gitignore'), '*\n');
  const names = withNeeds(s, only);
  const starting = new Map<ServiceName, Promise<'started' | 'already running'>>();
  const promises = names.map((name) => {
    const needs = (DEFS[name].needs ?? []).flatMap((d) => starting.get(d) ?? []);
    const p = Promise.all(needs).then(
      () => startOne(s, DEFS[name], out),
      () => {
        throw new Error(
          `${name}: not started, because ${DEFS[name].needs?.join(', ')} did not start`,
        );
      },
    );
    starting.set(name, p);
    return p;
  });
  const results = await Promise.allSettled(promises);
  const started: ServiceName[] = [];
  const errors: string[] = [];
  results.forEach((r, i) => {
    const name = names[i] ?? 'kafka';
    if (r.status === 'fulfilled') {
      if (r.value === 'started') started.push(name);
      out.ok(`${DEFS[name].describe(endpointsOf(s), s)}  ${r.value}`);
    } else {
      errors.push(r.reason instanceof Error ? r.reason.message : String(r.reason));
    }
  });
  if (errors.length > 0) {
    const err = new Error(errors.join('\n'));
    if (results.some((r) => r.status === 'rejected' && r.reason instanceof PortConflictError)) {
      throw Object.assign(new PortConflictError(err.message), { started });
    }
    throw Object.assign(err, { started });
  }
  return { endpoints: endpointsOf(s), started };
}

/** Stops the servers this stack started (all, or the given ones); leaves anything else alone. */
export async function down(
  out: Reporter = consoleReporter,
  s = loadSettings(),
  only: readonly ServiceName[] = SERVICES_ALL,
): Promise<ServiceName[]> {
  const stopped: ServiceName[] = [];
  const stop = async (name: ServiceName): Promise<void> => {
    const rec = await ownProcess(s.stateDir, name);
    if (!rec) return;
    await stopProcess(s.stateDir, rec);
    stopped.push(name);
    out.ok(`${name} stopped (pid ${rec.pid})`);
  };
  // what others need stops last: PostgreSQL after the FerretDB in front of it
  const needed = new Set(only.flatMap((n) => DEFS[n].needs ?? []));
  await Promise.all(only.filter((n) => !needed.has(n)).map(stop));
  await Promise.all(only.filter((n) => needed.has(n)).map(stop));
  if (stopped.length === 0) out.step('nothing of this stack was running');
  return stopped;
}

export async function status(s = loadSettings()): Promise<ServiceStatus[]> {
  const e = endpointsOf(s);
  return Promise.all(
    servicesOf(s).map(async (name): Promise<ServiceStatus> => {
      const def = DEFS[name];
      const rec = await ownProcess(s.stateDir, name);
      const where = def.describe(e, s);
      if (rec) {
        const err = await waitFor(def.probe(e), 0);
        return err
          ? { name, state: 'not answering', pid: rec.pid, detail: `${where} — ${err.message}` }
          : { name, state: 'running', pid: rec.pid, detail: where };
      }
      for (const port of def.ports(s)) {
        if (await portInUse(s.host, port)) {
          return {
            name,
            state: 'port held by another process',
            detail: `port ${port}: ${await portHolder(port)}`,
          };
        }
      }
      return { name, state: 'stopped', detail: where };
    }),
  );
}

export function logPath(name: ServiceName, s = loadSettings()): string {
  return logFile(s.stateDir, name);
}

/** Stops the stack and deletes its data (topics, databases, mail); the per-user cache stays. */
export async function reset(out: Reporter = consoleReporter, s = loadSettings()): Promise<void> {
  await down(out, s);
  for (const dir of ['kafka', 'postgres', 'ferretdb', 'maildev', 'logs', 'run']) {
    await rm(join(s.stateDir, dir), { recursive: true, force: true });
  }
  out.ok(`data under ${s.stateDir} removed`);
}
