// Builders of subscription events, validated against the contract before they enter the outbox.
import { EventMap } from '@lianxin/contracts';
import { newEvent, type PendingEvent } from '@lianxin/platform/messaging';
import type { Subscription } from './subscription.repository.ts';

export function createdEvent(s: Subscription): PendingEvent {
  const data = EventMap['subscription.created'].parse({
    id: s.id,
    subscriber: s.subscriber,
    fraudTypes: s.fraudTypes,
    audiences: s.audiences,
    language: s.language,
    createdAt: s.createdAt,
  });
  return newEvent('subscription.created', data);
}

export function removedEvent(s: Subscription, removedBy: string, removedAt: string): PendingEvent {
  const data = EventMap['subscription.removed'].parse({
    id: s.id,
    subscriber: { id: s.subscriber.id, role: s.subscriber.role, bankId: s.subscriber.bankId },
    removedBy,
    removedAt,
  });
  return newEvent('subscription.removed', data);
}
