// Adapters that turn the platform's long-running parts into lifecycle components runService starts and stops.
import type { EventConsumer, EventSchemas } from '../messaging/consumer.ts';
import type { Component } from './define-service.ts';

/** A Kafka consumer as a component: started before listening, stopped (offsets committed) after HTTP. */
export function consumerComponent<M extends EventSchemas>(
  name: string,
  consumer: EventConsumer<M>,
): Component {
  return { name, start: () => consumer.start(), stop: () => consumer.stop() };
}
