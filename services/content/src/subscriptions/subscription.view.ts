// Subscription → response, with the address masked (the notifier gets it whole through the event).
import type { Subscription } from './subscription.repository.ts';

function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email.charAt(0)}***${email.slice(at)}`;
}

export function subscriptionView(s: Subscription) {
  return { ...s, subscriber: { ...s.subscriber, email: maskEmail(s.subscriber.email) } };
}
