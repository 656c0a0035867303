// Bulletin → response: staff see the version being written, readers the published one and nothing of the review.
import { versionOf, type Bulletin, type BulletinVersion } from './bulletin.ts';
import type { Readership } from './bulletin.repository.ts';
import type { BulletinDto } from './bulletin.schemas.ts';

/** Text goes out exactly as stored: JSON escapes it, and nothing here renders Markdown or HTML. */
export function bulletinView(
  bulletin: Bulletin,
  readership: Readership,
  which: 'latest' | 'published' = 'latest',
): BulletinDto {
  const published = versionOf(bulletin, bulletin.publishedNumber);
  const pending = versionOf(bulletin, bulletin.pendingNumber);
  const shown: BulletinVersion | undefined =
    readership === 'reader' || which === 'published'
      ? (published ?? undefined)
      : (pending ?? published ?? bulletin.versions.at(-1));
  if (shown === undefined) throw new Error(`bulletin ${bulletin.id} has no version to show`);
  const staff = readership === 'staff';
  return {
    ...shown.content,
    id: bulletin.id,
    status: bulletin.status,
    revision: bulletin.revision,
    version: shown.number,
    versionState: shown.state,
    publishedVersion: bulletin.publishedNumber,
    pendingVersion: staff && pending ? { number: pending.number, state: pending.state } : null,
    authorId: shown.authorId,
    reviewerId: shown.reviewerId,
    submittedAt: staff ? shown.submittedAt : null,
    publishedAt: shown.publishedAt,
    lastRejection: staff ? (shown.rejections.at(-1) ?? null) : null,
    retraction: bulletin.retraction,
    createdAt: bulletin.createdAt,
    updatedAt: bulletin.updatedAt,
  };
}

/** Readers see the versions that were public; staff see every version and the write log. */
export function versionsView(bulletin: Bulletin, readership: Readership) {
  const staff = readership === 'staff';
  const versions = bulletin.versions
    .filter((v) => staff || v.publishedAt !== null)
    .filter((v) => staff || v.state === 'published' || v.state === 'superseded')
    .map((v) => ({
      ...v.content,
      number: v.number,
      state: v.state,
      authorId: v.authorId,
      editorIds: staff ? v.editorIds : [],
      reviewerId: v.reviewerId,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      submittedAt: staff ? v.submittedAt : null,
      publishedAt: v.publishedAt,
      rejections: staff ? v.rejections : [],
    }));
  return {
    bulletinId: bulletin.id,
    revision: bulletin.revision,
    versions,
    history: staff ? bulletin.history : [],
  };
}
