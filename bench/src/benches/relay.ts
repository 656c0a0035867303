// 2. Outbox relay: pending events in aggregates → acknowledged by Kafka, beside kafkajs sending the same bytes in batches.
import { EVENT_PRODUCER, encodeEnvelope } from '@lianxin/platform/messaging';
import type { BenchContext } from '../context.ts';
import { alternate, figure, type Figure } from '../lib/figures.ts';
import { benchDbName, benchTopic } from '../lib/run-scope.ts';
import { eventData, outboxBench } from '../lib/outbox-fixture.ts';

const CEILING_BATCH = 1000;

export async function relay(ctx: BenchContext): Promise<Figure[]> {
  const { sizes, stack, backend } = ctx;
  const perAggregate = sizes.relayEventsPerAggregate;
  const total = sizes.relayAggregates * perAggregate;
  const f = await outboxBench(
    backend.mongoUrl,
    benchDbName(backend, 'relay'),
    stack.kafkaBrokers,
    benchTopic('bench.relay.v1'),
  );
  // The same encoding the relay uses, so the ceiling sends messages of the same size.
  const sample = encodeEnvelope(
    {
      id: '00000000-0000-4000-8000-000000000000',
      type: 'bench.happened',
      source: 'bench',
      subject: '00000000-0000-4000-8000-000000000000',
      sequence: 1,
      time: new Date().toISOString(),
      schemaVersion: 1,
      data: eventData(),
    },
    '00000000-0000-4000-8000-000000000000',
  );
  const producer = f.kafka.producer(EVENT_PRODUCER);
  await producer.connect();
  try {
    const rounds = await alternate(
      `${ctx.backend.name} relay`,
      ctx,
      async () => {
        const started = performance.now();
        for (let sent = 0; sent < total; sent += CEILING_BATCH) {
          const n = Math.min(CEILING_BATCH, total - sent);
          await producer.sendBatch({
            acks: -1,
            topicMessages: [
              {
                topic: f.topic,
                messages: Array.from({ length: n }, (_, i) => ({
                  ...sample,
                  key: `k${(sent + i) % sizes.relayAggregates}`,
                })),
              },
            ],
          });
        }
        return total / ((performance.now() - started) / 1000);
      },
      async () => {
        await f.model.deleteMany({});
        await f.seed(sizes.relayAggregates, perAggregate);
        const r = f.relay();
        const started = performance.now();
        const published = await r.drain();
        const rate = published / ((performance.now() - started) / 1000);
        await r.stop();
        if (published !== total) throw new Error(`relay published ${published} of ${total} events`);
        const left = await f.model.countDocuments({ outboxCount: { $gt: 0 } });
        if (left !== 0) throw new Error(`${left} aggregates still hold events after the drain`);
        return rate;
      },
      {
        ceiling: (c) => `${Math.round(c)} events/s`,
        lianxin: (l) => `${Math.round(l)} events/s`,
      },
    );
    return [
      figure(
        {
          bench: 'relay',
          backend: ctx.backend.name,
          figure: `relay: ${total.toLocaleString('en-US')} events to acknowledged`,
          unit: 'events/s',
          better: 'higher',
          note: `platform OutboxRelay in the bench process, drain() over ${sizes.relayAggregates} aggregates × ${perAggregate} pending events (bulk-inserted before the clock starts); ceiling: one kafkajs idempotent producer, sendBatch of ${CEILING_BATCH} same-sized messages, acks all`,
        },
        rounds.lianxin,
        rounds.ceiling,
      ),
    ];
  } finally {
    await producer.disconnect();
    await f.close();
  }
}
