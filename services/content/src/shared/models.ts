// Creates every mongoose model of the content service on a connection.
import type { Connection } from 'mongoose';
import { bulletinModel, type BulletinModel } from '../bulletins/bulletin.model.ts';
import { withdrawalModels, type WithdrawalModels } from '../bulletins/withdrawal.model.ts';
import { sessionViewModel, type SessionViewModel } from '../sessions/session.model.ts';
import { subscriptionModel, type SubscriptionModel } from '../subscriptions/subscription.model.ts';

export interface Models {
  bulletins: BulletinModel;
  /** Bulletins that stopped being readable, numbered: what a lagging search index must not show (ADR 039, 044). */
  withdrawals: WithdrawalModels;
  sessions: SessionViewModel;
  subscriptions: SubscriptionModel;
}

export function createModels(conn: Connection): Models {
  return {
    bulletins: bulletinModel(conn),
    withdrawals: withdrawalModels(conn),
    sessions: sessionViewModel(conn),
    subscriptions: subscriptionModel(conn),
  };
}
