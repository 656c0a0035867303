// Search over HTTP on the real database: filters, Chinese substrings, and what readers may find — through the search index and through the database.
import { serviceHarness, type Caller } from '@lianxin/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { bulletinAt, castOf, type BulletinRef } from '../test-support/workflow.ts';

// Two apps on one database: one searches with its index (ADR 036), one without components, so
// the database search it falls back to while building answers the same cases the same way.
const indexed = await serviceHarness(import.meta.url, contentService);
const database = await serviceHarness(import.meta.url, contentService, { components: false });
const cast = castOf(indexed);
let pension: BulletinRef;
let rebate: BulletinRef;
let police: BulletinRef;
let draft: BulletinRef;
let long: BulletinRef;
beforeAll(async () => {
  pension = await bulletinAt(cast, 'published', {
    title: '“高收益理财群”骗走退休教师养老钱',
    fraudType: 'fake_investment',
    audiences: ['elderly', 'bank_staff'],
    caseDate: '2025-02-18',
    body: '王某被拉进**理财交流群**，在虚假平台上转账。',
  });
  rebate = await bulletinAt(cast, 'published', {
    title: '大学生兼职刷单越刷越亏',
    fraudType: 'task_rebate',
    audiences: ['students'],
    caseDate: '2025-03-06',
    summary: '通过ＡＰＰ接到点赞返佣兼职。',
  });
  police = await bulletinAt(cast, 'published', {
    title: '冒充公检法要求转入安全账户',
    fraudType: 'impersonate_authority',
    audiences: ['bank_staff', 'general_public'],
    caseDate: '2025-01-09',
  });
  draft = await bulletinAt(cast, 'in_review', {
    title: '退休人员保健品骗局（待审）',
    fraudType: 'fake_shopping_service',
    audiences: ['elderly'],
    caseDate: '2025-03-20',
  });
  // 15,000 characters with thousands of distinct bigrams: when they were stored as indexed keys
  // (before ADR 039), PostgreSQL refused the index row and the create answered 500.
  let seed = 3;
  const chars = Array.from({ length: 15_000 }, () =>
    String.fromCodePoint(0x4e00 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 20_000)),
  );
  long = await bulletinAt(cast, 'published', {
    title: '长篇案例简报',
    caseDate: '2024-06-01',
    body: `${chars.join('')}\n\n最后提到了琥珀项链。`,
  });
});

async function find(who: Caller, query: string): Promise<string[]> {
  const res = await who('GET', `/bulletins?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
}
const q = (text: string) => `q=${encodeURIComponent(text)}`;

it('when the indexed app has started, then its search index is built and the other app has none', () => {
  expect(indexed.deps.search.ready).toBe(true);
  expect(database.deps.search.ready).toBe(false);
});

describe.each([
  ['the search index', indexed],
  ['the database', database],
])('bulletin search through %s', (_, h) => {
  const readers = castOf(h);

  it('when searching Chinese text, then substrings of title, summary and body match, in any width and case', async () => {
    expect(await find(readers.liaison, q('退休教师'))).toEqual([pension.id]);
    expect(await find(readers.liaison, q('理财交流'))).toEqual([pension.id]);
    expect(await find(readers.liaison, q('app 返佣'))).toEqual([rebate.id]);
    expect(await find(readers.liaison, q('教师退休'))).toEqual([]);
  });

  it('when a word is one character, then it still matches inside longer runs', async () => {
    expect((await find(readers.liaison, q('亏'))).sort()).toEqual([rebate.id]);
  });

  it('when filtering by fraud type, audience, status and case date, then only matching bulletins come back', async () => {
    expect(await find(readers.liaison, 'fraudType=task_rebate')).toEqual([rebate.id]);
    expect((await find(readers.liaison, 'audience=bank_staff')).sort()).toEqual(
      [pension.id, police.id].sort(),
    );
    expect((await find(readers.liaison, 'from=2025-02-01&to=2025-03-31')).sort()).toEqual(
      [pension.id, rebate.id].sort(),
    );
    expect(await find(readers.coordinator, 'status=in_review')).toEqual([draft.id]);
    expect(await find(readers.coordinator, 'awaitingReview=true')).toEqual([draft.id]);
  });

  it('when readers search, then drafts never show; staff find them', async () => {
    expect(await find(readers.liaison, q('退休'))).toEqual([pension.id]);
    expect((await find(readers.coordinator, q('退休'))).sort()).toEqual(
      [pension.id, draft.id].sort(),
    );
    expect(await find(h.as(null), 'status=in_review')).not.toContain(draft.id);
  });

  it('when paging, then pages do not overlap and the total counts all matches', async () => {
    const first = (await readers.liaison('GET', '/bulletins?pageSize=2&page=1')).json<{
      items: { id: string }[];
      total: number;
    }>();
    const second = (await readers.liaison('GET', '/bulletins?pageSize=2&page=2')).json<{
      items: { id: string }[];
      total: number;
    }>();
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual(
      [pension.id, rebate.id, police.id, long.id].sort(),
    );
  });

  it('when a body has thousands of distinct bigrams, then it is published and a word at its end is found', async () => {
    expect(await find(readers.liaison, q('琥珀项链'))).toEqual([long.id]);
    expect(await find(readers.liaison, q('长篇案例'))).toEqual([long.id]);
    expect(await find(readers.liaison, q('退休教师'))).toEqual([pension.id]);
  });

  it('when a page comes back, then each row is exactly what reading that bulletin returns', async () => {
    for (const who of [readers.liaison, readers.coordinator]) {
      const res = await who('GET', `/bulletins?${q('退休')}`);
      const rows = res.json<{ items: { id: string }[] }>().items;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const one = await who('GET', `/bulletins/${row.id}`);
        expect(one.statusCode, one.body).toBe(200);
        expect(row).toEqual(one.json());
      }
    }
  });

  it('when the query is bad, then 400 names the parameter', async () => {
    const res = await readers.liaison('GET', '/bulletins?fraudType=lottery');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('fraudType');
  });
});
