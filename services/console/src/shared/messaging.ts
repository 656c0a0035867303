// The console's topics: it publishes account events (activation links) and consumes the banks topic's liaisons.
import { Topics, topicOf, type EventType } from '@lianxin/contracts';
import { EventConsumer, type RelaySource } from '@lianxin/platform/messaging';
import type { ServiceContext } from '@lianxin/platform/service';
import { consumerComponent, type Component } from '@lianxin/platform/service';
import { handleLiaisonEvent, LiaisonEvents } from '../accounts/liaison.consumer.ts';
import type { ConsoleConfig } from '../config.ts';
import type { Deps } from './deps.ts';
import type { Models } from './models.ts';

export const TOPICS = [Topics.accounts, Topics.banks] as const;

export function relaySources(topic: (name: string) => string): RelaySource[] {
  return [{ collection: 'accounts', topicFor: (type) => topic(topicOf(type as EventType)) }];
}

/** Liaison accounts follow the banks topic from its start (a fresh console learns every liaison). */
export function consumers(ctx: ServiceContext<ConsoleConfig, Models>, deps: Deps): Component[] {
  const liaisons = new EventConsumer({
    kafka: ctx.kafka,
    groupId: ctx.group('console-liaisons'),
    topics: [ctx.topic(Topics.banks)],
    events: LiaisonEvents,
    handle: (event) => handleLiaisonEvent(deps, event),
    log: ctx.log.child({ component: 'liaisons-consumer' }),
  });
  return [consumerComponent('liaisons consumer', liaisons)];
}
