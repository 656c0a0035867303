// Search keys of a bulletin, pure: what the document stores for each view (ADR 015) and what the search index holds (ADR 036, 039).
import { versionOf, type Bulletin, type BulletinVersion } from './bulletin.ts';
import type { SearchKeys } from './bulletin.model.ts';
import type { BulletinDto } from './bulletin.schemas.ts';
import { bulletinView } from './bulletin.view.ts';
import type { IndexedView, IndexRecord } from './search.projection.ts';
import { normaliseText } from './search.rules.ts';

function keysOf(version: BulletinVersion, at: string): SearchKeys {
  const c = version.content;
  return {
    fraudType: c.fraudType,
    audiences: c.audiences,
    caseDate: c.caseDate,
    text: normaliseText([c.title, c.summary, c.body].join('\n')),
    at: new Date(at),
  };
}

export function prefixed(prefix: 'latest' | 'public', keys: SearchKeys | null) {
  return {
    [`${prefix}FraudType`]: keys?.fraudType ?? null,
    [`${prefix}Audiences`]: keys?.audiences ?? [],
    [`${prefix}CaseDate`]: keys?.caseDate ?? null,
    [`${prefix}Text`]: keys?.text ?? null,
    [`${prefix}At`]: keys?.at ?? null,
  };
}

/** The search keys of both views: the version staff work on, and the published one while readers may see it. */
export function viewsOf(b: Bulletin): { latest: SearchKeys; public: SearchKeys | null } {
  const published = versionOf(b, b.publishedNumber);
  const latest = versionOf(b, b.pendingNumber) ?? published ?? b.versions.at(-1);
  if (latest === undefined) throw new Error(`bulletin ${b.id} has no version`);
  const readable = b.status === 'published' && published !== null;
  return {
    latest: keysOf(latest, b.updatedAt),
    public: readable ? keysOf(published, published.publishedAt ?? b.updatedAt) : null,
  };
}

export const awaitingReview = (b: Bulletin): boolean =>
  versionOf(b, b.pendingNumber)?.state === 'in_review';

const indexedOf = (k: SearchKeys, row: BulletinDto): IndexedView => ({
  fraudType: k.fraudType,
  audiences: k.audiences,
  caseDate: k.caseDate,
  text: k.text,
  at: k.at.getTime(),
  row,
});

/**
 * What the search index holds of a bulletin (just written, or read back from the database): the
 * same keys the document stores, and each view's list row as `GET /bulletins` shows it.
 */
export function indexRecordOf(b: Bulletin): IndexRecord {
  const views = viewsOf(b);
  return {
    id: b.id,
    revision: b.revision,
    status: b.status,
    awaitingReview: awaitingReview(b),
    latest: indexedOf(views.latest, bulletinView(b, 'staff')),
    public: views.public === null ? null : indexedOf(views.public, bulletinView(b, 'reader')),
  };
}
