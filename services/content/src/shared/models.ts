// Every mongoose model of the content service, built once on a connection, and the stores over them.
import type { Connection } from 'mongoose';
import { bulletinModel } from '../bulletins/bulletin.model.ts';
import { BulletinRepository } from '../bulletins/bulletin.repository.ts';
import { sessionViewModel } from '../sessions/session.model.ts';
import { SessionRepository } from '../sessions/session.repository.ts';
import { subscriptionModel } from '../subscriptions/subscription.model.ts';
import { SubscriptionRepository } from '../subscriptions/subscription.repository.ts';
import type { Deps } from './deps.ts';

export function createModels(conn: Connection) {
  return {
    bulletins: bulletinModel(conn),
    sessions: sessionViewModel(conn),
    subscriptions: subscriptionModel(conn),
  };
}
export type Models = ReturnType<typeof createModels>;

/** Builds the models, makes sure collections and indexes exist (the unique key is a rule), and the stores. */
export async function createStores(
  conn: Connection,
  wake: () => void,
  now: () => Date = () => new Date(),
): Promise<Deps> {
  const models = createModels(conn);
  await Promise.all([models.bulletins.init(), models.sessions.init(), models.subscriptions.init()]);
  return {
    bulletins: new BulletinRepository(models.bulletins, wake),
    sessions: new SessionRepository(models.sessions),
    subscriptions: new SubscriptionRepository(models.subscriptions, wake),
    now,
  };
}
