// Events of outreach sessions: scheduling, moving, cancelling and completing, each with the session's snapshot.
import { z } from 'zod';
import { Audience, FraudType, SessionFormat, SessionKind, SessionStatus } from '../enums/index.ts';
import { Instant, NonEmptyText, ObjectIdString, UserId } from '../values.ts';

// Snapshots, as for banks: the notifier writes invitations and calendar entries and content
// matches materials from these fields alone, without calling outreach.

export const Venue = z.object({
  name: NonEmptyText(100),
  address: NonEmptyText(200),
});
export type Venue = z.infer<typeof Venue>;

/** When liaisons may register staff; closing is at the latest the start of the session. */
export const RegistrationWindow = z.object({
  opensAt: Instant,
  closesAt: Instant,
});
export type RegistrationWindow = z.infer<typeof RegistrationWindow>;

export const SessionSnapshot = z.object({
  id: ObjectIdString,
  title: NonEmptyText(120),
  kind: SessionKind,
  format: SessionFormat,
  startsAt: Instant,
  endsAt: Instant,
  venue: Venue,
  /** The police unit holding it, e.g. 香河县公安局反诈中心. */
  organisingUnit: NonEmptyText(100),
  hostOfficerIds: z.array(UserId).min(1),
  capacity: z.int().positive(),
  /** Seats one bank may take at most; null when only the capacity limits. */
  perBankQuota: z.int().positive().nullable(),
  /** Empty for sessions that are not bank forums: nobody registers through a liaison there. */
  invitedBankIds: z.array(ObjectIdString),
  audiences: z.array(Audience).min(1),
  fraudTopics: z.array(FraudType),
  status: SessionStatus,
  registration: RegistrationWindow,
});
export type SessionSnapshot = z.infer<typeof SessionSnapshot>;

const scheduled = SessionStatus.extract(['scheduled']);

export const SessionScheduled = SessionSnapshot.extend({ status: scheduled });
export type SessionScheduled = z.infer<typeof SessionScheduled>;

/**
 * An edit that neither moves the session in time nor changes its venue (title, capacity, quota,
 * invited banks, audiences…): the whole snapshot after it, as `session.scheduled` carries.
 */
export const SessionUpdated = SessionSnapshot.extend({ status: scheduled });
export type SessionUpdated = z.infer<typeof SessionUpdated>;

/** The time and place before the move, so a notice can say what changed. */
export const SessionRescheduled = SessionSnapshot.extend({
  status: scheduled,
  previous: z.object({ startsAt: Instant, endsAt: Instant, venue: Venue }),
});
export type SessionRescheduled = z.infer<typeof SessionRescheduled>;

export const SessionCancelled = SessionSnapshot.extend({
  status: SessionStatus.extract(['cancelled']),
  cancellation: z.object({
    reason: NonEmptyText(500),
    cancelledBy: UserId,
    cancelledAt: Instant,
  }),
});
export type SessionCancelled = z.infer<typeof SessionCancelled>;

export const SessionCompleted = SessionSnapshot.extend({
  status: SessionStatus.extract(['completed']),
  completedAt: Instant,
});
export type SessionCompleted = z.infer<typeof SessionCompleted>;
