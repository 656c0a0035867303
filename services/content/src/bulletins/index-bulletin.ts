// Use case: bring one bulletin's entry in this replica's search index up to a revision another replica wrote (ADR 036).
import type { Deps } from '../shared/deps.ts';

/**
 * Skips what the index already holds (its own writes, a redelivery, a replay after a build);
 * otherwise re-reads the bulletin by exact `_id` — the event says only which bulletin changed —
 * and applies it if newer. Idempotent, in any order.
 */
export async function indexBulletin(
  deps: Pick<Deps, 'bulletins' | 'search'>,
  id: string,
  revision: number,
): Promise<boolean> {
  const held = deps.search.revisionOf(id);
  if (held !== null && held >= revision) return false;
  const record = await deps.bulletins.indexRecord(id);
  return record === null ? false : deps.search.apply(record);
}
