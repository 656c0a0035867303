// What every use case needs: the stores, the dispatcher's wake-up, the clock, the log and the settings.
import type { Logger } from 'pino';
import { accountRepository, type AccountRepository } from '../accounts/account.repository.ts';
import {
  subscriptionRepository,
  type SubscriptionRepository,
} from '../bulletins/subscription.repository.ts';
import { deliveryRepository, type DeliveryRepository } from '../deliveries/delivery.repository.ts';
import {
  directoryRepository,
  type DirectoryRepository,
} from '../directory/directory.repository.ts';
import type { TemplateSet } from '../email/template.repository.ts';
import {
  registrationRepository,
  type RegistrationRepository,
} from '../registrations/registration.repository.ts';
import { sessionRepository, type SessionRepository } from '../sessions/session.repository.ts';
import type { Models } from './models.ts';

export interface Settings {
  /** Base of the links in emails (unsubscribe), without a trailing slash. */
  publicUrl: string;
  unsubscribeSecret: string;
  from: { name: string; email: string };
}

export interface Deps {
  deliveries: DeliveryRepository;
  directory: DirectoryRepository;
  accounts: AccountRepository;
  sessions: SessionRepository;
  registrations: RegistrationRepository;
  subscriptions: SubscriptionRepository;
  templates: TemplateSet;
  /** Call after planning deliveries: the dispatcher looks for due work at once. */
  wake: () => void;
  now: () => Date;
  log: Logger;
  settings: Settings;
}

/** Every store on its models: what main.ts and the tests both build the use cases on. */
export function createDeps(
  models: Models,
  opts: Pick<Deps, 'templates' | 'wake' | 'now' | 'log' | 'settings'>,
): Deps {
  return {
    deliveries: deliveryRepository(models.deliveries, models.claims),
    directory: directoryRepository(models.banks, models.liaisons),
    accounts: accountRepository(models.accounts),
    sessions: sessionRepository(models.sessions, models.opinions),
    registrations: registrationRepository(models.registrations),
    subscriptions: subscriptionRepository(models.subscriptions, models.unsubscribes),
    ...opts,
  };
}
