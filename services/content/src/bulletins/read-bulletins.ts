// Use cases: read one bulletin or search them, as staff (everything) or as a reader (published only).
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';
import type { Page, Readership, SearchFilter } from './bulletin.repository.ts';
import type { BulletinDto } from './bulletin.schemas.ts';
import { bulletinView } from './bulletin.view.ts';
import { bulletinNotFound } from './change-bulletin.ts';

/** A draft, a version in review or a retracted bulletin is a 404 to a reader: its existence is not disclosed. */
export async function readBulletin(
  deps: Deps,
  readership: Readership,
  id: string,
): Promise<Bulletin> {
  const bulletin = await deps.bulletins.find(readership, id);
  if (bulletin === null) throw bulletinNotFound();
  return bulletin;
}

/**
 * The replica's search index picks the page, counts the matches and holds the page's list rows
 * (ADR 036, 039): no bulletin is read from the database. A reader's search first reads what is
 * new in the withdrawals log (ADR 044), so a retraction this replica's index has not applied yet is neither shown nor
 * counted. Until the index is built, the database search answers (slow, but correct).
 */
export async function searchBulletins(
  deps: Pick<Deps, 'bulletins' | 'search' | 'withdrawals'>,
  readership: Readership,
  filter: SearchFilter,
  page: number,
  pageSize: number,
): Promise<Page<BulletinDto>> {
  if (!deps.search.ready) {
    const found = await deps.bulletins.search(readership, filter, page, pageSize);
    return { items: found.items.map((b) => bulletinView(b, readership)), total: found.total };
  }
  if (readership === 'staff') {
    const { rows, total } = deps.search.search('latest', filter, page, pageSize);
    return { items: rows, total };
  }
  const hidden = await withdrawnButHeldPublic(deps);
  const { rows, total } = deps.search.search('public', filter, page, pageSize, hidden);
  return { items: rows, total };
}

/**
 * Bulletins the index still holds as published although a withdrawal at a later revision than
 * it holds was announced, and that the database confirms are no longer published. Usually none:
 * only while this replica's consumer lags behind a retraction, or when a retraction lost its race
 * (the database then says published, and the bulletin stays shown). The watch reads only the
 * log's head and what is new since the last search (ADR 044).
 */
async function withdrawnButHeldPublic(
  deps: Pick<Deps, 'bulletins' | 'search' | 'withdrawals'>,
): Promise<Set<string>> {
  const unsure = await deps.withdrawals.unapplied(deps.search);
  const current = await Promise.all(unsure.map((id) => deps.bulletins.find('reader', id)));
  return new Set(unsure.filter((_, i) => current[i] === null));
}
