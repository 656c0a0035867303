// The notifier's topics and its consumers: one consumer group per topic, each handler parse → use case.
import { Topics as ContractTopics } from '@lianxin/contracts';
import { EventConsumer, type EventSchemas } from '@lianxin/platform/messaging';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { AccountEvents, handleAccountEvent } from '../accounts/account.consumer.ts';
import { BulletinEvents, handleBulletinEvent } from '../bulletins/bulletin.consumer.ts';
import { applyBankEvent, BankEvents } from '../directory/directory.projection.ts';
import {
  handleRegistrationEvent,
  RegistrationEvents,
} from '../registrations/registration.consumer.ts';
import { handleSessionEvent, SessionEvents } from '../sessions/session.consumer.ts';
import type { Deps } from './deps.ts';

export type TopicName = keyof typeof ContractTopics;

/** This deployment's topic names: the contracts' names behind an optional prefix (tests, side-by-side stacks). */
export function topicsFor(prefix: string): Record<TopicName, string> {
  const entries = Object.entries(ContractTopics).map(([name, topic]) => [
    name,
    `${prefix}${topic}`,
  ]);
  return Object.fromEntries(entries) as Record<TopicName, string>;
}

export const CONSUMED: readonly TopicName[] = [
  'banks',
  'sessions',
  'registrations',
  'bulletins',
  'accounts',
];

export interface ConsumerSetup {
  kafka: Kafka;
  deps: Deps;
  topics: Record<TopicName, string>;
  /** Group names are `<prefix>notifier-<topic>`. */
  groupPrefix: string;
  log: Logger;
}

/**
 * Handlers are idempotent themselves (projections by sequence, deliveries by unique id), so no
 * processed-event marks are kept: one database write less per event. A registration whose
 * session has not arrived yet is retried for about half a minute before it is dead-lettered.
 */
export type RunningConsumer = Pick<EventConsumer<EventSchemas>, 'start' | 'stop' | 'joined'>;

export function notifierConsumers(setup: ConsumerSetup): RunningConsumer[] {
  const { kafka, deps, topics, log } = setup;
  const make = <M extends EventSchemas>(
    topic: TopicName,
    events: M,
    handle: ConstructorParameters<typeof EventConsumer<M>>[0]['handle'],
  ) =>
    new EventConsumer<M>({
      kafka,
      groupId: `${setup.groupPrefix}notifier-${topic}`,
      topics: [topics[topic]],
      events,
      handle,
      log,
      fromBeginning: true,
      partitionsConsumedConcurrently: 3,
      retry: { attempts: 8, initialMs: 250, maxMs: 8_000 },
    });
  return [
    make('banks', BankEvents, (event) => applyBankEvent(deps.directory, event)),
    make('accounts', AccountEvents, (event) => handleAccountEvent(deps, event)),
    make('sessions', SessionEvents, (event) => handleSessionEvent(deps, event)),
    make('registrations', RegistrationEvents, (event) => handleRegistrationEvent(deps, event)),
    make('bulletins', BulletinEvents, (event) => handleBulletinEvent(deps, event)),
  ];
}
