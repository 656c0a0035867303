// What the content service's use cases need: its repositories and a clock, built from what the platform started.
import type { ServiceContext } from '@lianxin/platform/service';
import { BulletinRepository } from '../bulletins/bulletin.repository.ts';
import type { ContentConfig } from '../config.ts';
import { SessionRepository } from '../sessions/session.repository.ts';
import { SubscriptionRepository } from '../subscriptions/subscription.repository.ts';
import type { Models } from './models.ts';

export interface Deps {
  bulletins: BulletinRepository;
  sessions: SessionRepository;
  subscriptions: SubscriptionRepository;
  now: () => Date;
}

export function createDeps(ctx: ServiceContext<ContentConfig, Models>): Deps {
  return {
    bulletins: new BulletinRepository(ctx.models.bulletins, ctx.wake),
    sessions: new SessionRepository(ctx.models.sessions),
    subscriptions: new SubscriptionRepository(ctx.models.subscriptions, ctx.wake),
    now: ctx.now,
  };
}
