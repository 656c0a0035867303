// Events of public opinions and requests (社情民意): raised at a session, followed up, resolved.
import { z } from 'zod';
import { OpinionCategory, OpinionStatus } from '../enums/index.ts';
import { Instant, NonEmptyText, ObjectIdString, UserId } from '../values.ts';

// An opinion is its own aggregate (subject = its id) on the sessions topic: consumers that
// follow a session see its opinions in the same stream.

export const OpinionSnapshot = z.object({
  id: ObjectIdString,
  sessionId: ObjectIdString,
  category: OpinionCategory,
  text: NonEmptyText(2000),
  /** Who raised it, as the officer wrote it down, e.g. 某物流公司负责人. */
  raisedBy: NonEmptyText(100),
  /** The officer who recorded it. */
  recordedBy: UserId,
  /** The officer responsible for following it up. */
  ownerId: UserId,
  /** Overdue when not resolved by then. */
  dueAt: Instant,
  status: OpinionStatus,
  resolutionNote: NonEmptyText(2000).nullable(),
  resolvedAt: Instant.nullable(),
});
export type OpinionSnapshot = z.infer<typeof OpinionSnapshot>;

export const OpinionRaised = OpinionSnapshot.extend({
  status: OpinionStatus.extract(['open']),
  resolutionNote: z.null(),
  resolvedAt: z.null(),
});
export type OpinionRaised = z.infer<typeof OpinionRaised>;

/** Re-categorised, reassigned, given a new due date, or taken in hand (in_progress). */
export const OpinionUpdated = OpinionSnapshot.extend({
  status: OpinionStatus.exclude(['resolved']),
  resolutionNote: z.null(),
  resolvedAt: z.null(),
});
export type OpinionUpdated = z.infer<typeof OpinionUpdated>;

export const OpinionResolved = OpinionSnapshot.extend({
  status: OpinionStatus.extract(['resolved']),
  resolutionNote: NonEmptyText(2000),
  resolvedAt: Instant,
});
export type OpinionResolved = z.infer<typeof OpinionResolved>;
