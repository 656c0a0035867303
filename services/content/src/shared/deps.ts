// What the content service's use cases need: its repositories and a clock, built from what the platform started.
import type { ServiceContext } from '@lianxin/platform/service';
import { BulletinRepository } from '../bulletins/bulletin.repository.ts';
import { SearchIndex } from '../bulletins/search.projection.ts';
import { WithdrawalWatch } from '../bulletins/withdrawal-watch.ts';
import { WithdrawalRepository } from '../bulletins/withdrawal.repository.ts';
import type { ContentConfig } from '../config.ts';
import { SessionRepository } from '../sessions/session.repository.ts';
import { SubscriptionRepository } from '../subscriptions/subscription.repository.ts';
import type { Models } from './models.ts';

export interface Deps {
  bulletins: BulletinRepository;
  /** This replica's search read model (ADR 036): built at start, kept by its writes and bulletin.changed. */
  search: SearchIndex;
  /** This replica's reading of the withdrawals log: what its index may not have applied yet (ADR 044). */
  withdrawals: WithdrawalWatch;
  sessions: SessionRepository;
  subscriptions: SubscriptionRepository;
  now: () => Date;
}

export function createDeps(ctx: ServiceContext<ContentConfig, Models>): Deps {
  const search = new SearchIndex();
  const withdrawals = new WithdrawalRepository(ctx.models.withdrawals);
  return {
    // What this replica writes is in its own index at once; other replicas learn it by event.
    bulletins: new BulletinRepository(ctx.models.bulletins, withdrawals, ctx.wake, {
      onWrite: (record) => search.apply(record),
    }),
    search,
    withdrawals: new WithdrawalWatch(withdrawals),
    sessions: new SessionRepository(ctx.models.sessions),
    subscriptions: new SubscriptionRepository(ctx.models.subscriptions, ctx.wake),
    now: ctx.now,
  };
}
