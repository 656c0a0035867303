// Use cases: read one bulletin or search them, as staff (everything) or as a reader (published only).
import type { Deps } from '../shared/deps.ts';
import type { Bulletin } from './bulletin.ts';
import type { Page, Readership, SearchFilter } from './bulletin.repository.ts';
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
 * The replica's search index picks the page's ids and counts (ADR 036); the page itself is read
 * from the database by id, so it shows the current text, and a reader never sees a bulletin the
 * index has not yet learnt was retracted. Until the index is built, the database search answers.
 */
export async function searchBulletins(
  deps: Deps,
  readership: Readership,
  filter: SearchFilter,
  page: number,
  pageSize: number,
): Promise<Page<Bulletin>> {
  if (!deps.search.ready) return deps.bulletins.search(readership, filter, page, pageSize);
  const view = readership === 'staff' ? 'latest' : 'public';
  const { ids, total } = deps.search.search(view, filter, page, pageSize);
  const items = await deps.bulletins.page(readership, ids);
  // A bulletin dropped from the page (its retraction not yet applied) is not counted either.
  return { items, total: total - (ids.length - items.length) };
}
