// HTTP shapes of sessions: the bodies a client sends (strict) and the view it gets back.
import {
  Audience,
  FraudType,
  Instant,
  NonEmptyText,
  ObjectIdString,
  PageQuery,
  SessionFormat,
  SessionKind,
  SessionStatus,
  FeedbackColour,
  UserId,
} from '@lianxin/contracts';
import { z } from 'zod';

const VenueInput = z.strictObject({ name: NonEmptyText(100), address: NonEmptyText(200) });

export const ScheduleSessionBody = z.strictObject({
  title: NonEmptyText(120),
  kind: SessionKind,
  format: SessionFormat,
  startsAt: Instant,
  endsAt: Instant,
  venue: VenueInput,
  organisingUnit: NonEmptyText(100),
  hostOfficerIds: z.array(UserId).min(1).max(10),
  capacity: z.int().min(1).max(10_000),
  perBankQuota: z.int().min(1).max(10_000).nullable().default(null),
  invitedBankIds: z.array(ObjectIdString).max(50).default([]),
  audiences: z.array(Audience).min(1),
  fraudTopics: z.array(FraudType).default([]),
  description: NonEmptyText(2000).nullable().default(null),
  /** Defaults: opens when scheduled, closes at the start. */
  registration: z
    .strictObject({ opensAt: Instant.optional(), closesAt: Instant.optional() })
    .default({}),
});
export type ScheduleSessionBody = z.output<typeof ScheduleSessionBody>;

export const PatchSessionBody = z.strictObject({
  /** The version the edit is based on (from the view): 409 if the session changed since. */
  version: z.int().min(0).optional(),
  title: NonEmptyText(120).optional(),
  format: SessionFormat.optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
  venue: VenueInput.optional(),
  organisingUnit: NonEmptyText(100).optional(),
  hostOfficerIds: z.array(UserId).min(1).max(10).optional(),
  capacity: z.int().min(1).max(10_000).optional(),
  perBankQuota: z.int().min(1).max(10_000).nullable().optional(),
  invitedBankIds: z.array(ObjectIdString).max(50).optional(),
  audiences: z.array(Audience).min(1).optional(),
  fraudTopics: z.array(FraudType).optional(),
  description: NonEmptyText(2000).nullable().optional(),
  registration: z
    .strictObject({ opensAt: Instant.optional(), closesAt: Instant.optional() })
    .optional(),
});
export type PatchSessionBody = z.output<typeof PatchSessionBody>;

export const CancelSessionBody = z.strictObject({ reason: NonEmptyText(500) });

export const SessionParams = z.strictObject({ sessionId: ObjectIdString });

export const ListSessionsQuery = PageQuery.extend({
  from: Instant.optional(),
  to: Instant.optional(),
  kind: SessionKind.optional(),
  status: SessionStatus.optional(),
  bankId: ObjectIdString.optional(),
  hostOfficerId: UserId.optional(),
});
export type ListSessionsQuery = z.output<typeof ListSessionsQuery>;

export const SessionView = z.object({
  id: z.string(),
  title: z.string(),
  kind: SessionKind,
  format: SessionFormat,
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.object({ name: z.string(), address: z.string() }),
  organisingUnit: z.string(),
  hostOfficerIds: z.array(z.string()),
  capacity: z.number(),
  perBankQuota: z.number().nullable(),
  invitedBankIds: z.array(z.string()),
  audiences: z.array(Audience),
  fraudTopics: z.array(FraudType),
  description: z.string().nullable(),
  status: SessionStatus,
  registration: z.object({ opensAt: z.string(), closesAt: z.string() }),
  seats: z.object({ confirmed: z.number(), waitlisted: z.number(), left: z.number() }),
  cancellation: z
    .object({ reason: z.string(), cancelledBy: z.string(), cancelledAt: z.string() })
    .nullable(),
  completedAt: z.string().nullable(),
  /** True while a cancelled session's registrations are still being cancelled in the background. */
  cancellingRegistrations: z.boolean(),
  /** Grows with every change; send it back as `version` in a PATCH to edit only what you saw. */
  version: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

const Attendance = z.object({
  registered: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  cancelled: z.number(),
  attended: z.number(),
  /** Confirmed but not checked in, counted once the session is completed. */
  noShow: z.number(),
});
const Colours = z.object({ red: z.number(), yellow: z.number(), blue: z.number() });

/** GET /sessions/:id/summary: registrations and attendance per bank, feedback per dimension and colour, opinions. */
export const SessionSummaryView = z.object({
  sessionId: z.string(),
  status: SessionStatus,
  capacity: z.number(),
  perBank: z.array(Attendance.extend({ bankId: z.string() })),
  totals: Attendance,
  feedback: z.object({
    responses: z.number(),
    attitude: Colours,
    tone: Colours,
    expression: Colours,
  }),
  /** One per feedback with a red rating. */
  followUps: z.array(
    z.object({
      registrationId: z.string(),
      ratings: z.object({
        attitude: FeedbackColour,
        tone: FeedbackColour,
        expression: FeedbackColour,
      }),
      comment: z.string().nullable(),
      status: z.enum(['open', 'closed']),
      /** Who closed it, when, and what was done; null while open. */
      closedBy: z.string().nullable(),
      closedAt: z.string().nullable(),
      action: z.string().nullable(),
    }),
  ),
  opinions: z.object({
    open: z.number(),
    in_progress: z.number(),
    resolved: z.number(),
    overdue: z.number(),
  }),
});

/** One value or the key repeated (`?hostOfficerIds=a&hostOfficerIds=b`): always a list. */
const OneOrMany = z
  .union([UserId, z.array(UserId).max(10)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** GET /sessions/conflicts: a plan being typed; any of the venue or the officers may be left out. */
export const SlotConflictsQuery = z.strictObject({
  startsAt: Instant,
  endsAt: Instant,
  venueName: NonEmptyText(100).optional(),
  venueAddress: NonEmptyText(200).optional(),
  hostOfficerIds: OneOrMany.optional(),
  /** The session being edited: its own bookings are not conflicts. */
  excludeSessionId: ObjectIdString.optional(),
});
export type SlotConflictsQuery = z.output<typeof SlotConflictsQuery>;

/** What a POST /sessions (or PATCH) with this plan would answer 409 for now, one entry per clash. */
export const SlotConflictsView = z.object({
  conflicts: z.array(
    z.object({
      /** The code the write would answer with. */
      code: z.enum(['VENUE_CONFLICT', 'HOST_CONFLICT']),
      /** The form field it belongs to. */
      path: z.enum(['venue', 'hostOfficerIds']),
      /** For HOST_CONFLICT: whose time is taken. */
      officerId: z.string().nullable(),
      sessionId: z.string(),
      title: z.string().nullable(),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
  ),
});
export type SlotConflictsView = z.infer<typeof SlotConflictsView>;
