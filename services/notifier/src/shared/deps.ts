// What every use case needs: the stores, the dispatcher's wake-up, the clock, the log and the settings.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '@lianxin/platform/service';
import type { Logger } from 'pino';
import { accountRepository, type AccountRepository } from '../accounts/account.repository.ts';
import {
  subscriptionRepository,
  type SubscriptionRepository,
} from '../bulletins/subscription.repository.ts';
import type { NotifierConfig } from '../config.ts';
import { deliveryRepository, type DeliveryRepository } from '../deliveries/delivery.repository.ts';
import { Dispatcher } from '../deliveries/dispatch-deliveries.ts';
import { createMailer, sendDelivery, type Mailer } from '../deliveries/send-delivery.ts';
import {
  directoryRepository,
  type DirectoryRepository,
} from '../directory/directory.repository.ts';
import { loadTemplates, type TemplateSet } from '../email/template.repository.ts';
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
  /** The delivery worker (started and stopped as a component) and its pooled SMTP transport. */
  dispatcher: Dispatcher;
  mailer: Mailer;
}

/** Every store on its models, the templates, the SMTP pool and the dispatcher, from what the platform started. */
export function createDeps(ctx: ServiceContext<NotifierConfig, Models>): Deps {
  const { config, models, now, log } = ctx;
  const templates = loadTemplates();
  const from = config.MAIL_FROM;
  const mailer = createMailer({ url: config.SMTP_URL, poolSize: config.SMTP_POOL_SIZE });
  const deliveries = deliveryRepository(models.deliveries, models.claims);
  const workerId = `${config.KAFKA_CLIENT_ID}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const sendSettings = {
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    backoffMs: config.DELIVERY_BACKOFF_MS,
    backoffMaxMs: config.DELIVERY_BACKOFF_MAX_MS,
  };
  const dispatcher = new Dispatcher({
    store: deliveries,
    send: (doc) => sendDelivery({ mailer, templates, from, now, settings: sendSettings }, doc),
    log: log.child({ worker: workerId }),
    workerId,
    now,
    pollMs: config.DISPATCH_POLL_MS,
    idlePollMs: Math.max(config.DISPATCH_POLL_MS, config.DISPATCH_IDLE_POLL_MS),
    batchSize: config.DISPATCH_BATCH_SIZE,
    concurrency: config.SMTP_POOL_SIZE,
  });
  return {
    deliveries,
    directory: directoryRepository(models.banks, models.liaisons),
    accounts: accountRepository(models.accounts),
    sessions: sessionRepository(models.sessions, models.opinions),
    registrations: registrationRepository(models.registrations),
    subscriptions: subscriptionRepository(models.subscriptions, models.unsubscribes),
    templates,
    wake: () => {
      dispatcher.wake();
    },
    now,
    log,
    settings: {
      publicUrl: config.PUBLIC_URL,
      unsubscribeSecret: config.UNSUBSCRIBE_SECRET,
      from,
    },
    dispatcher,
    mailer,
  };
}
