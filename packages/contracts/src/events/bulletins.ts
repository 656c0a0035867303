// Events of case bulletins: a published version, or its retraction. Drafts and reviews stay inside content.
import { z } from 'zod';
import { Audience, BulletinStatus, FraudType } from '../enums/index.ts';
import { Fen, Instant, NonEmptyText, ObjectIdString, UserId } from '../values.ts';

// Only published text leaves the content service, and it has already been checked for
// personal data there; consumers can show and email it as it is.

const Point = NonEmptyText(300);

export const BulletinSnapshot = z.object({
  id: ObjectIdString,
  /** Editing a published bulletin publishes version n+1 under the same id; the newest wins. */
  version: z.int().positive(),
  title: NonEmptyText(100),
  fraudType: FraudType,
  audiences: z.array(Audience).min(1),
  /** The calendar day of the case in Asia/Shanghai (YYYY-MM-DD). */
  caseDate: z.iso.date(),
  /** Where it happened, at county or township level, e.g. 香河县淑阳镇. */
  region: NonEmptyText(50),
  /** What the victims lost, in fen. */
  lossFen: Fen,
  /** The case in a few sentences, as told to the public (the Markdown body stays in content). */
  summary: NonEmptyText(1000),
  warningSigns: z.array(Point).min(1).max(20),
  advice: z.array(Point).min(1).max(20),
  authorId: UserId,
  /** Never the author. */
  reviewerId: UserId,
  publishedAt: Instant,
  status: BulletinStatus.extract(['published', 'retracted']),
});
export type BulletinSnapshot = z.infer<typeof BulletinSnapshot>;

export const BulletinPublished = BulletinSnapshot.extend({
  status: BulletinStatus.extract(['published']),
});
export type BulletinPublished = z.infer<typeof BulletinPublished>;

/** Carries the snapshot too, so a consumer that missed the publication still knows what to take down. */
export const BulletinRetracted = BulletinSnapshot.extend({
  status: BulletinStatus.extract(['retracted']),
  retraction: z.object({
    reason: NonEmptyText(500),
    retractedBy: UserId,
    retractedAt: Instant,
  }),
});
export type BulletinRetracted = z.infer<typeof BulletinRetracted>;
