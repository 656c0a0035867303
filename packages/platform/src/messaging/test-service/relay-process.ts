// The test service's relay as a process of its own, for the crash drill: with CRASH_AFTER_PUBLISH=1 it
// announces its first publish and then hangs, waiting to be killed before it can remove what it published.
import { pino } from 'pino';
import { connectDb } from '../../db/index.ts';
import { createKafka } from '../kafka.ts';
import { OutboxRelay } from '../relay.ts';

const { DB_URL, BROKERS, TOPIC, LEASE_MS, CRASH_AFTER_PUBLISH } = process.env;
if (!DB_URL || !BROKERS || !TOPIC) throw new Error('DB_URL, BROKERS and TOPIC are required');

const conn = await connectDb({ url: DB_URL });
const relay = new OutboxRelay({
  kafka: createKafka({ brokers: BROKERS.split(','), clientId: 'relay-process' }),
  connection: conn,
  source: 'test-service',
  sources: [{ collection: 'counters', topicFor: () => TOPIC }],
  log: pino({ level: 'silent' }),
  pollMs: 100,
  leaseMs: Number(LEASE_MS ?? 30_000),
  ...(CRASH_AFTER_PUBLISH === '1'
    ? {
        afterPublish: async (id: string) => {
          process.stdout.write(`PUBLISHED ${id}\n`);
          await new Promise(() => undefined); // never returns: SIGKILL comes first
        },
      }
    : {}),
});
relay.start();
process.stdout.write('READY\n');
process.on('SIGTERM', () => {
  void relay
    .stop()
    .then(() => conn.close())
    .then(() => process.exit(0));
});
