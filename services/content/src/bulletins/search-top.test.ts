// The page selection of a search: whatever order matches come in, the pages equal a full sort (newest first, then id descending).
import { describe, expect, it } from 'vitest';
import type { BulletinDto } from './bulletin.schemas.ts';
import { TopMatches } from './search-top.ts';

const rowOf = (id: string): BulletinDto => ({ id }) as unknown as BulletinDto;

describe('TopMatches', () => {
  const n = 1_000;
  // Times with many ties (30 distinct), so the id order matters at the threshold too.
  const matches = Array.from({ length: n }, (_, i) => ({
    id: `b${String((i * 7919) % n).padStart(4, '0')}`,
    at: 1_700_000_000_000 + ((i * 31) % 30) * 1000,
  }));
  const sorted = [...matches].sort((a, b) => b.at - a.at || (b.id > a.id ? 1 : -1));
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const orders: [string, typeof matches][] = [
    ['oldest first', [...sorted].reverse()],
    ['newest first', sorted],
    ['shuffled', [...matches].sort(() => random() - 0.5)],
  ];
  for (const [name, order] of orders) {
    it(`when matches come ${name}, then every page and the total equal a full sort`, () => {
      for (const [page, size] of [
        [1, 20],
        [2, 20],
        [3, 7],
        [60, 20],
      ] as const) {
        const top = new TopMatches(page * size);
        for (const m of order) top.add(m.id, m.at, rowOf(m.id));
        const want = sorted.slice((page - 1) * size, page * size).map((m) => m.id);
        const got = top.slice((page - 1) * size, page * size);
        expect(top.total).toBe(n);
        expect(got.ids, `page ${String(page)} of ${String(size)}`).toEqual(want);
        expect(got.rows.map((r) => r.id)).toEqual(want);
      }
    });
  }
});
