// Smoke test: a real produce/consume round trip through a consumer group, with the offset committed.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTopics, kafkaClient } from '../kafka.ts';
import { testEnv } from '../test-env.ts';

const env = testEnv(import.meta.url);
const clients: { disconnect: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.disconnect()));
});

describe('kafka smoke', () => {
  it('when messages are produced with acks=all, then a consumer group receives them in order and commits its offset', async () => {
    const topic = env.topic('smoke');
    await createTopics(env.kafkaBrokers, [topic], 1);
    const kafka = kafkaClient(env.kafkaBrokers);
    const producer = kafka.producer({ idempotent: true });
    clients.push(producer);
    await producer.connect();
    const values = Array.from({ length: 5 }, (_, i) => `m-${i}-${randomUUID()}`);
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((value) => ({ key: 'k', value })),
    });

    const groupId = `${env.id}-group`;
    const consumer = kafka.consumer({ groupId });
    clients.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`got ${seen.length}/5 messages`));
      }, 30_000);
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          seen.push(message.value?.toString() ?? '');
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
          if (seen.length === values.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    expect(seen).toEqual(values);
    await consumer.disconnect();

    const admin = kafka.admin();
    clients.push(admin);
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed?.partitions).toEqual([{ partition: 0, offset: '5', metadata: null }]);
  });
});
