// Builders of the bulletin events: a published version or a retraction (they leave content), and content's own bulletin.changed.
import {
  EventMap,
  ObjectIdString,
  type BulletinPublished,
  type BulletinRetracted,
} from '@lianxin/contracts';
import { newEvent, type PendingEvent } from '@lianxin/platform/messaging';
import { z } from 'zod';
import { versionOf, type Bulletin } from './bulletin.ts';

/**
 * Content-internal, on its own topic (never lianxin.bulletins.v1): which bulletin a write changed
 * — any write, drafts too — so every replica's search index re-reads it by id (ADR 036). It
 * carries no text: drafts and reviews stay inside content.
 */
export const BulletinChanged = z.object({
  id: ObjectIdString,
  /** The bulletin's revision after the write: an index holding it or a later one skips the event. */
  revision: z.int().positive(),
});
export type BulletinChanged = z.infer<typeof BulletinChanged>;
export const BULLETIN_CHANGED = 'bulletin.changed';

export function changedEvent(bulletin: Bulletin): PendingEvent {
  const data: BulletinChanged = { id: bulletin.id, revision: bulletin.revision };
  return newEvent(BULLETIN_CHANGED, BulletinChanged.parse(data));
}

function snapshot(bulletin: Bulletin) {
  const version = versionOf(bulletin, bulletin.publishedNumber);
  if (version === null || version.reviewerId === null || version.publishedAt === null) {
    throw new Error(`bulletin ${bulletin.id} has no published version to announce`);
  }
  const c = version.content;
  return {
    id: bulletin.id,
    version: version.number,
    title: c.title,
    fraudType: c.fraudType,
    audiences: c.audiences,
    caseDate: c.caseDate,
    region: c.region,
    lossFen: c.lossFen,
    summary: c.summary,
    warningSigns: c.warningSigns,
    advice: c.advice,
    authorId: version.authorId,
    reviewerId: version.reviewerId,
    publishedAt: version.publishedAt,
  };
}

/** Validated against the contract here, so a bad event fails the write instead of a consumer. */
export function publishedEvent(bulletin: Bulletin): PendingEvent {
  const data: BulletinPublished = EventMap['bulletin.published'].parse({
    ...snapshot(bulletin),
    status: 'published',
  });
  return newEvent('bulletin.published', data);
}

export function retractedEvent(bulletin: Bulletin): PendingEvent {
  if (bulletin.retraction === null) throw new Error(`bulletin ${bulletin.id} is not retracted`);
  const data: BulletinRetracted = EventMap['bulletin.retracted'].parse({
    ...snapshot(bulletin),
    status: 'retracted',
    retraction: bulletin.retraction,
  });
  return newEvent('bulletin.retracted', data);
}
