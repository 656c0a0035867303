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

export function searchBulletins(
  deps: Deps,
  readership: Readership,
  filter: SearchFilter,
  page: number,
  pageSize: number,
): Promise<Page<Bulletin>> {
  return deps.bulletins.search(readership, filter, page, pageSize);
}
