// A session moved or was cancelled: tell everyone registered (updated or cancelling .ics) and move or drop the reminders.
import type { EventOf } from '@lianxin/contracts';
import type { DeliveryPlan } from '../deliveries/delivery.repository.ts';
import { registeredRecipients } from '../registrations/registered-recipients.ts';
import type { Deps } from '../shared/deps.ts';
import type { SessionView } from './session.model.ts';
import { sessionInfo } from './session.view.ts';

const DAY_MS = 24 * 3_600_000;

export async function announceReschedule(
  deps: Deps,
  event: EventOf<'session.rescheduled'>,
  session: SessionView,
): Promise<void> {
  const startsAt = new Date(session.startsAt);
  await deps.deliveries.moveReminders(session._id, {
    dueAt: new Date(startsAt.getTime() - DAY_MS),
    notAfter: startsAt,
    session: sessionInfo(session),
  });
  const recipients = await registeredRecipients(deps, session._id, {
    includeSessionCancelled: false,
  });
  const languages = await deps.accounts.languages(recipients);
  const plans: DeliveryPlan[] = recipients.map((r, i) => ({
    key: event.id,
    eventId: event.id,
    eventType: event.type,
    content: {
      template: 'rescheduled',
      data: { session: sessionInfo(session), previous: event.data.previous, recipientName: r.name },
    },
    recipient: { email: r.email, name: r.name },
    language: languages[i] ?? 'zh',
    sessionId: session._id,
    dueAt: deps.now(),
    notAfter: startsAt,
  }));
  await deps.deliveries.plan(plans, deps.now());
  deps.wake();
}

export async function announceCancellation(
  deps: Deps,
  event: EventOf<'session.cancelled'>,
  session: SessionView,
): Promise<void> {
  await deps.deliveries.cancelPending(
    { sessionId: session._id },
    ['reminder', 'invitation', 'confirmation', 'waitlisted', 'promoted', 'rescheduled'],
    'session cancelled',
  );
  const recipients = await registeredRecipients(deps, session._id, {
    includeSessionCancelled: true,
  });
  const languages = await deps.accounts.languages(recipients);
  const plans: DeliveryPlan[] = recipients.map((r, i) => ({
    key: event.id,
    eventId: event.id,
    eventType: event.type,
    content: {
      template: 'cancelled',
      data: {
        session: sessionInfo(session),
        recipientName: r.name,
        reason: event.data.cancellation.reason,
      },
    },
    recipient: { email: r.email, name: r.name },
    language: languages[i] ?? 'zh',
    sessionId: session._id,
    dueAt: deps.now(),
    notAfter: new Date(session.endsAt),
  }));
  await deps.deliveries.plan(plans, deps.now());
  deps.wake();
}
