// What the insights use cases need: the fact store, the clock, the gap threshold and the consumer's lag.
import type { ServiceContext } from '@lianxin/platform/service';
import type { InsightsConfig } from '../config.ts';
import { FactRepository } from '../facts/fact.repository.ts';
import { measureLag, type Lag } from '../facts/measure-lag.ts';
import type { Models } from './models.ts';
import { TOPICS } from './messaging.ts';

export interface Deps {
  facts: FactRepository;
  now: () => Date;
  /** Days without a forum after which a bank is a gap (default of GET /gaps `days`). */
  gapDays: number;
  /** The facts consumer's lag behind the topics, for /readyz. */
  lag: () => Promise<Lag>;
  /** The facts consumer's group and topics, as this process names them. */
  consumer: { groupId: string; topics: string[] };
}

export function createDeps(ctx: ServiceContext<InsightsConfig, Models>): Deps {
  const consumer = {
    groupId: ctx.group(ctx.config.FACTS_CONSUMER_GROUP),
    topics: TOPICS.map(ctx.topic),
  };
  return {
    facts: new FactRepository(ctx.models),
    now: ctx.now,
    gapDays: ctx.config.GAP_DAYS,
    lag: () => measureLag(ctx.kafka, consumer.groupId, consumer.topics),
    consumer,
  };
}
