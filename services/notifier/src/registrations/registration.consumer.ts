// Kafka entry of lianxin.registrations.v1: keep the registration read model, then send what the change calls for.
import { pickEvents } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { notifyRegistration } from './notify-registration.ts';

export const RegistrationEvents = pickEvents(
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
  'attendance.checked_in',
  'feedback.submitted',
);
export type RegistrationEvent = EventOf<typeof RegistrationEvents>;

export async function handleRegistrationEvent(deps: Deps, event: RegistrationEvent): Promise<void> {
  switch (event.type) {
    case 'registration.confirmed':
    case 'registration.waitlisted':
    case 'registration.promoted':
    case 'registration.cancelled': {
      const d = event.data;
      const applied = await deps.registrations.apply(d.registrationId, event.sequence, {
        sessionId: d.sessionId,
        bankId: d.bankId,
        status: d.status,
        cancelReason:
          event.type === 'registration.cancelled' ? event.data.cancellation.reason : null,
        attendee: { name: d.attendee.name, email: d.attendee.email },
        registeredBy: d.registeredBy,
      });
      if (event.type === 'registration.cancelled') {
        await deps.deliveries.cancelPending(
          { registrationId: d.registrationId },
          ['reminder'],
          'registration cancelled',
        );
        return;
      }
      // Not applied: a newer state is already known (this is a redelivery or a replay out of
      // order); its deliveries exist already if it was this one, and must not if it was not.
      if (!applied && !(await isCurrent(deps, d.registrationId, event.sequence))) return;
      await notifyRegistration(deps, event);
      return;
    }
    case 'attendance.checked_in':
      await deps.registrations.apply(event.data.registrationId, event.sequence, {
        checkedInAt: event.data.checkedInAt,
      });
      return;
    case 'feedback.submitted': {
      const r = event.data.ratings;
      await deps.registrations.apply(event.data.registrationId, event.sequence, {
        red: r.attitude === 'red' || r.tone === 'red' || r.expression === 'red',
      });
      return;
    }
  }
}

async function isCurrent(deps: Deps, registrationId: string, sequence: number): Promise<boolean> {
  const view = await deps.registrations.get(registrationId);
  return view?.sequence === sequence;
}
