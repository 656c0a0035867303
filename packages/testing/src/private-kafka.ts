// A Kafka broker of a test's own, on free ports, that the test may stop and start (broker-outage drills).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  down,
  freePort,
  loadSettings,
  silentReporter,
  up,
  type StackSettings,
} from '@lianxin/infra';

export interface PrivateKafka {
  brokers: string[];
  /** Starts the broker (again); its data survives a stop. */
  start: () => Promise<void>;
  /** Stops the broker process (SIGTERM, then SIGKILL). */
  stop: () => Promise<void>;
  /** Stops it and deletes its data. */
  dispose: () => Promise<void>;
}

/** Runs on the local stack's machinery (needs Java; the jars are the shared per-user cache). */
export async function privateKafka(): Promise<PrivateKafka> {
  const base = loadSettings();
  const stateDir = await mkdtemp(join(tmpdir(), 'lianxin-kafka-'));
  const settings: StackSettings = {
    ...base,
    stateDir,
    ports: { ...base.ports, kafka: await freePort(), kafkaController: await freePort() },
  };
  const handle: PrivateKafka = {
    brokers: [`${settings.host}:${settings.ports.kafka}`],
    start: async () => {
      await up(silentReporter, settings, ['kafka']);
    },
    stop: async () => {
      await down(silentReporter, settings, ['kafka']);
    },
    dispose: async () => {
      await down(silentReporter, settings, ['kafka']);
      await rm(stateDir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}
