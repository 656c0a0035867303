// A registration was confirmed, waitlisted or promoted: tell the liaison and the attendee, and plan the 24-hour reminder.
import type { EventOf } from '@lianxin/contracts';
import type { DeliveryPlan } from '../deliveries/delivery.repository.ts';
import type { EmailContent } from '../email/email.schemas.ts';
import type { SessionView } from '../sessions/session.model.ts';
import { DirectoryBehind } from '../sessions/invite-banks.ts';
import { sessionInfo } from '../sessions/session.view.ts';
import type { Deps } from '../shared/deps.ts';

export const REMINDER_LEAD_MS = 24 * 3_600_000;

type SeatEvent =
  | EventOf<'registration.confirmed'>
  | EventOf<'registration.waitlisted'>
  | EventOf<'registration.promoted'>;

/** The session is not known yet (its topic lags): thrown so the consumer retries with backoff. */
export class SessionNotYetKnown extends Error {}

function contentFor(
  event: SeatEvent,
  session: SessionView,
  liaisonName: string | null,
): EmailContent {
  const base = {
    session: sessionInfo(session),
    attendeeName: event.data.attendee.name,
    liaisonName,
  };
  switch (event.type) {
    case 'registration.confirmed':
      return { template: 'confirmation', data: { ...base, checkInToken: event.data.checkInToken } };
    case 'registration.promoted':
      return { template: 'promoted', data: { ...base, checkInToken: event.data.checkInToken } };
    case 'registration.waitlisted':
      return {
        template: 'waitlisted',
        data: {
          ...base,
          position: event.data.waitlist.position,
          reason: event.data.waitlist.reason,
        },
      };
  }
}

export async function notifyRegistration(deps: Deps, event: SeatEvent): Promise<void> {
  const d = event.data;
  const session = await deps.sessions.get(d.sessionId);
  if (session === null)
    throw new SessionNotYetKnown(`session ${d.sessionId} not in the read model yet`);
  const startsAt = new Date(session.startsAt);
  if (session.status !== 'scheduled' || deps.now() >= startsAt) return; // nothing useful to say any more

  const found = await deps.directory.liaison(d.registeredBy);
  // Only liaisons register, and outreach knows them from lianxin.banks.v1: a liaison this
  // directory lacks means its copy of that topic is behind — retry rather than drop their copy.
  if (found === 'unknown')
    throw new DirectoryBehind(`liaison ${d.registeredBy} not in the directory yet`);
  const liaison = found;
  const to: { id: string | null; email: string; name: string; liaisonName: string | null }[] = [];
  if (liaison !== null)
    to.push({
      id: liaison.id,
      email: liaison.email,
      name: liaison.name,
      liaisonName: liaison.name,
    });
  // No address, no email: the liaison's copy is how such an attendee hears of it.
  if (d.attendee.email !== null && d.attendee.email !== liaison?.email) {
    to.push({ id: null, email: d.attendee.email, name: d.attendee.name, liaisonName: null });
  }
  const languages = await deps.accounts.languages(to);
  const plans: DeliveryPlan[] = to.map((r, i) => ({
    key: event.id,
    eventId: event.id,
    eventType: event.type,
    content: contentFor(event, session, r.liaisonName),
    recipient: { email: r.email, name: r.name },
    language: languages[i] ?? 'zh',
    sessionId: d.sessionId,
    registrationId: d.registrationId,
    dueAt: deps.now(),
    notAfter: startsAt,
  }));

  // The reminder is a stored delivery due 24 h before the start, not a timer: a notifier that was
  // down when it fell due sends it on return (until the start). One per registration, decided by
  // the event's own time, so a late-processed event decides the same way.
  const remindAt = new Date(startsAt.getTime() - REMINDER_LEAD_MS);
  const attendeeEmail = d.attendee.email;
  if (
    event.type !== 'registration.waitlisted' &&
    attendeeEmail !== null &&
    new Date(event.time) < remindAt
  ) {
    const i = to.findIndex((r) => r.email === attendeeEmail);
    plans.push({
      key: `reminder:${d.registrationId}`,
      eventId: event.id,
      eventType: event.type,
      content: {
        template: 'reminder',
        data: {
          session: sessionInfo(session),
          attendeeName: d.attendee.name,
          liaisonName: null,
          checkInToken: event.data.checkInToken,
        },
      },
      recipient: { email: attendeeEmail, name: d.attendee.name },
      language: languages[i] ?? 'zh',
      sessionId: d.sessionId,
      registrationId: d.registrationId,
      dueAt: remindAt,
      notAfter: startsAt,
    });
  }
  await deps.deliveries.plan(plans, deps.now());
  deps.wake();
}
