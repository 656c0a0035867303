// Builders of the bulletin events that leave content: a published version, or the bulletin's retraction.
import { EventMap, type BulletinPublished, type BulletinRetracted } from '@lianxin/contracts';
import { newEvent, type PendingEvent } from '@lianxin/platform/messaging';
import { versionOf, type Bulletin } from './bulletin.ts';

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
