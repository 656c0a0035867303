// What the content service's use cases need: its stores and a clock.
import type { BulletinRepository } from '../bulletins/bulletin.repository.ts';
import type { SessionRepository } from '../sessions/session.repository.ts';
import type { SubscriptionRepository } from '../subscriptions/subscription.repository.ts';

export interface Deps {
  bulletins: BulletinRepository;
  sessions: SessionRepository;
  subscriptions: SubscriptionRepository;
  now: () => Date;
}
