// A bulletin version was published: one email per matching subscriber address, with a one-click unsubscribe.
import { subscriptionMatches, type EventOf } from '@lianxin/contracts';
import type { DeliveryPlan } from '../deliveries/delivery.repository.ts';
import type { Deps } from '../shared/deps.ts';
import { unsubscribeToken } from './unsubscribe.rules.ts';

/** One email per recipient per bulletin version, whatever event carried it. */
export const bulletinKey = (id: string, version: number): string => `bulletin:${id}:v${version}`;

export async function sendBulletin(
  deps: Deps,
  event: EventOf<'bulletin.published'>,
): Promise<void> {
  const b = event.data;
  const recipients = new Map<string, { name: string | null; language: 'zh' | 'en' }>();
  for (const s of await deps.subscriptions.live()) {
    if (!subscriptionMatches(s, b)) continue;
    // A liaison may subscribe without an address: their record in the banks directory has one.
    // One not in the directory (yet) is skipped: one subscriber must not hold back everyone's bulletin.
    const found =
      s.subscriber.email === null && s.subscriber.role === 'liaison'
        ? await deps.directory.liaison(s.subscriber.id)
        : null;
    const liaison = found === 'unknown' ? null : found;
    const email = s.subscriber.email ?? liaison?.email;
    if (email === undefined || recipients.has(email)) continue;
    recipients.set(email, {
      name: s.subscriber.name ?? liaison?.name ?? null,
      language: s.language,
    });
  }
  const unsubscribed = await deps.subscriptions.unsubscribed([...recipients.keys()]);
  const plans: DeliveryPlan[] = [...recipients]
    .filter(([email]) => !unsubscribed.has(email))
    .map(([email, r]) => ({
      key: bulletinKey(b.id, b.version),
      eventId: event.id,
      eventType: event.type,
      content: {
        template: 'bulletin',
        data: {
          bulletin: {
            id: b.id,
            version: b.version,
            title: b.title,
            fraudType: b.fraudType,
            audiences: b.audiences,
            caseDate: b.caseDate,
            region: b.region,
            lossFen: b.lossFen,
            summary: b.summary,
            warningSigns: b.warningSigns,
            advice: b.advice,
            publishedAt: b.publishedAt,
          },
          recipientName: r.name,
          unsubscribeUrl: `${deps.settings.publicUrl}/unsubscribe/${unsubscribeToken(deps.settings.unsubscribeSecret, email)}`,
        },
      },
      recipient: { email, name: r.name },
      language: r.language,
      dueAt: deps.now(),
    }));
  await deps.deliveries.plan(plans, deps.now());
  deps.wake();
}
