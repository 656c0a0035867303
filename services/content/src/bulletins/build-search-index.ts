// Use case: fill this replica's search index from the database, then let searches use it (ADR 036).
import type { Deps } from '../shared/deps.ts';

/**
 * Reads every bulletin's index record in one exhausted query and applies each if newer than what
 * the index holds (writes and events that arrived meanwhile win). Searches use the index from
 * here on; until then they go to the database.
 */
export async function buildSearchIndex(
  deps: Pick<Deps, 'bulletins' | 'search'>,
): Promise<{ bulletins: number; ms: number }> {
  const started = performance.now();
  for (const record of await deps.bulletins.indexRecords()) deps.search.apply(record);
  deps.search.markReady();
  return { bulletins: deps.search.size, ms: Math.round(performance.now() - started) };
}
