// `pnpm dlq list <topic> <group>` and `pnpm dlq replay <topic> <group> (--event <id> | --all)`.
import { z } from 'zod';
import { loadConfig, kafkaEnv } from '../config/index.ts';
import { createKafka } from './kafka.ts';
import { listDeadLetters, replayDeadLetters, type DeadLetter } from './dlq-tool.ts';

const USAGE = `usage:
  pnpm dlq list <topic> <group>
  pnpm dlq replay <topic> <group> --event <event-id>   (one)
  pnpm dlq replay <topic> <group> --all                (every dead letter)
brokers: KAFKA_BROKERS (default 127.0.0.1:9092, the local stack)`;

function show(l: DeadLetter): string {
  return [
    `${l.partition}@${l.offset}`,
    l.at ?? '-',
    l.kind ?? '-',
    l.eventType ?? '-',
    l.eventId ?? '-',
    `from ${l.origin}`,
    `reason: ${l.reason ?? '-'}`,
  ].join('  ');
}

async function main(argv: string[]): Promise<number> {
  const [cmd, topic, group, ...rest] = argv;
  if ((cmd !== 'list' && cmd !== 'replay') || !topic || !group) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(
    z.object({ KAFKA_BROKERS: kafkaEnv.shape.KAFKA_BROKERS.default(['127.0.0.1:9092']) }),
  );
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'lianxin-dlq' });
  if (cmd === 'list') {
    const letters = await listDeadLetters(kafka, topic, group);
    for (const l of letters) console.log(show(l));
    console.log(`${letters.length} dead letter(s) in ${topic}.dlq.${group}`);
    return 0;
  }
  const all = rest.includes('--all');
  const i = rest.indexOf('--event');
  const eventId = i >= 0 ? rest[i + 1] : undefined;
  if (all === (eventId !== undefined)) {
    console.error(USAGE);
    return 2;
  }
  const replayed = await replayDeadLetters(
    kafka,
    topic,
    group,
    (l) => all || l.eventId === eventId,
  );
  for (const l of replayed) console.log(`replayed ${show(l)}`);
  console.log(`${replayed.length} dead letter(s) re-published to ${topic}`);
  return replayed.length === 0 && !all ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('✗', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
