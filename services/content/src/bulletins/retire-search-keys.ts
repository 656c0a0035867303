// Use case: remove the bigram key arrays of ADR 015/020 from stored bulletins and drop their indexes, once (ADR 039).
import type { Deps } from '../shared/deps.ts';

/**
 * One bulletin at a time by exact `_id`, so other writes interleave (the database proxy runs one
 * write at a time) and a stop leaves the rest for the next start. Idempotent: replicas starting
 * together may both do it; `$unset` of a missing field and the key arrays are written by nobody
 * else (a bulletin's own writes no longer carry them). The indexes go last, so the marker query
 * that finds the documents is index-served until they are all done — and so a collection without
 * them is done: nothing is queried (on a kept corpus the marker query alone cost minutes).
 */
export async function retireSearchKeys(
  deps: Pick<Deps, 'bulletins'>,
  signal: AbortSignal,
): Promise<{ bulletins: number; indexes: string[] }> {
  if ((await deps.bulletins.retiredKeyIndexes()).length === 0) return { bulletins: 0, indexes: [] };
  const ids = await deps.bulletins.withRetiredKeys();
  let done = 0;
  for (const id of ids) {
    if (signal.aborted) return { bulletins: done, indexes: [] };
    await deps.bulletins.dropRetiredKeys(id);
    done += 1;
  }
  return { bulletins: done, indexes: await deps.bulletins.dropRetiredKeyIndexes() };
}
