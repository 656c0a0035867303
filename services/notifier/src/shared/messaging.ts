// The notifier's topics and its consumers: one consumer group per topic, each handler parse → use case.
import { Topics } from '@lianxin/contracts';
import { EventConsumer, type EventSchemas } from '@lianxin/platform/messaging';
import { consumerComponent, type Component, type ServiceContext } from '@lianxin/platform/service';
import { AccountEvents, handleAccountEvent } from '../accounts/account.consumer.ts';
import { BulletinEvents, handleBulletinEvent } from '../bulletins/bulletin.consumer.ts';
import type { NotifierConfig } from '../config.ts';
import { applyBankEvent, BankEvents } from '../directory/directory.projection.ts';
import {
  handleRegistrationEvent,
  RegistrationEvents,
} from '../registrations/registration.consumer.ts';
import { handleSessionEvent, SessionEvents } from '../sessions/session.consumer.ts';
import type { Deps } from './deps.ts';
import type { Models } from './models.ts';

export type TopicName = 'banks' | 'sessions' | 'registrations' | 'bulletins' | 'accounts';

/** The topics the notifier consumes (it produces none), by their catalogue names. */
export const CONSUMED: Readonly<Record<TopicName, string>> = {
  banks: Topics.banks,
  sessions: Topics.sessions,
  registrations: Topics.registrations,
  bulletins: Topics.bulletins,
  accounts: Topics.accounts,
};
export const TOPICS = Object.values(CONSUMED);

/**
 * Handlers are idempotent themselves (projections by sequence, deliveries by unique id), so no
 * processed-event marks are kept: one database write less per event. A registration whose
 * session has not arrived yet is retried for about half a minute before it is dead-lettered.
 * Group names are `notifier-<topic>` (behind the deployment's prefix).
 */
export function notifierConsumers(
  ctx: ServiceContext<NotifierConfig, Models>,
  deps: Deps,
): Component[] {
  const make = <M extends EventSchemas>(
    topic: TopicName,
    events: M,
    handle: ConstructorParameters<typeof EventConsumer<M>>[0]['handle'],
  ) => {
    const consumer = new EventConsumer<M>({
      kafka: ctx.kafka,
      groupId: ctx.group(`notifier-${topic}`),
      topics: [ctx.topic(CONSUMED[topic])],
      events,
      handle,
      log: ctx.log,
      fromBeginning: true,
      partitionsConsumedConcurrently: 3,
      retry: { attempts: 8, initialMs: 250, maxMs: 8_000 },
    });
    return { ...consumerComponent(`consumer ${topic}`, consumer), ready: () => consumer.joined() };
  };
  return [
    make('banks', BankEvents, (event) => applyBankEvent(deps.directory, event)),
    make('accounts', AccountEvents, (event) => handleAccountEvent(deps, event)),
    make('sessions', SessionEvents, (event) => handleSessionEvent(deps, event)),
    make('registrations', RegistrationEvents, (event) => handleRegistrationEvent(deps, event)),
    make('bulletins', BulletinEvents, (event) => handleBulletinEvent(deps, event)),
  ];
}
