// Every mongoose model of the notifier, built once on a connection, with its indexes in place.
import type { Connection, Model } from 'mongoose';
import { accountViewModel, type AccountView } from '../accounts/account.model.ts';
import {
  subscriptionViewModel,
  unsubscribeModel,
  type SubscriptionView,
  type UnsubscribeDoc,
} from '../bulletins/subscription.model.ts';
import {
  claimModel,
  deliveryModel,
  type ClaimDoc,
  type DeliveryDoc,
} from '../deliveries/delivery.model.ts';
import {
  bankViewModel,
  liaisonViewModel,
  type BankView,
  type LiaisonView,
} from '../directory/directory.model.ts';
import {
  registrationViewModel,
  type RegistrationView,
} from '../registrations/registration.model.ts';
import {
  opinionViewModel,
  sessionViewModel,
  type OpinionView,
  type SessionView,
} from '../sessions/session.model.ts';

export interface Models {
  conn: Connection;
  deliveries: Model<DeliveryDoc>;
  claims: Model<ClaimDoc>;
  banks: Model<BankView>;
  liaisons: Model<LiaisonView>;
  accounts: Model<AccountView>;
  sessions: Model<SessionView>;
  opinions: Model<OpinionView>;
  registrations: Model<RegistrationView>;
  subscriptions: Model<SubscriptionView>;
  unsubscribes: Model<UnsubscribeDoc>;
}

export async function createModels(conn: Connection): Promise<Models> {
  const models: Models = {
    conn,
    deliveries: deliveryModel(conn),
    claims: claimModel(conn),
    banks: bankViewModel(conn),
    liaisons: liaisonViewModel(conn),
    accounts: accountViewModel(conn),
    sessions: sessionViewModel(conn),
    opinions: opinionViewModel(conn),
    registrations: registrationViewModel(conn),
    subscriptions: subscriptionViewModel(conn),
    unsubscribes: unsubscribeModel(conn),
  };
  // The unique delivery index is a rule, not an optimisation: it exists before the first event.
  await Promise.all(Object.values(models).flatMap((m: unknown) => (isModel(m) ? [m.init()] : [])));
  return models;
}

function isModel(value: unknown): value is Model<unknown> {
  return typeof value === 'function' && 'init' in value;
}
