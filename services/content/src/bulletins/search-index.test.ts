// Each replica's search index on the real broker and database: a replica started late catches up, follows another's writes and retractions, never shows a reader what is gone, and equals a rebuild.
import { serviceHarness, type Caller } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { SearchIndex } from './search.projection.ts';

const first = await serviceHarness(import.meta.url, contentService);
const cast = castOf(first);

// Written before the second replica starts, and 20 more while it builds its index.
const early = await bulletinAt(cast, 'published', {
  title: '早期案例：冒充客服办理退款',
  fraudType: 'fake_customer_service',
});
const earlyDraft = await bulletinAt(cast, 'draft', { title: '早期草稿：虚假网络贷款' });
const [late, during] = await Promise.all([
  serviceHarness(import.meta.url, contentService),
  Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      bulletinAt(cast, 'published', { title: `并发写入案例第${String(i)}号` }),
    ),
  ),
]);
const lateCast = castOf(late);
// A replica whose index was built but follows no events: an index that lags.
const gone = await bulletinAt(cast, 'published', { title: '滞后索引：保健品讲座骗局' });
const kept = await bulletinAt(cast, 'published', { title: '滞后索引：理财讲座骗局' });
const stale = await serviceHarness(import.meta.url, contentService, { components: false });
await buildSearchIndex(stale.deps);

const q = (text: string) => `q=${encodeURIComponent(text)}`;
async function search(who: Caller, query: string): Promise<{ ids: string[]; total: number }> {
  const res = await who('GET', `/bulletins?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json<{ items: { id: string }[]; total: number }>();
  return { ids: page.items.map((i) => i.id).sort(), total: page.total };
}

async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An index built now from the database, as a replica starting now would. */
async function rebuilt(): Promise<SearchIndex> {
  const index = new SearchIndex();
  await buildSearchIndex({ bulletins: first.deps.bulletins, search: index });
  return index;
}

describe('search index replicas', () => {
  it('when a replica starts after bulletins were written, then its index holds them and it searches with it', async () => {
    expect(late.deps.search.ready).toBe(true);
    expect(await search(lateCast.liaison, q('冒充客服办理退款'))).toEqual({
      ids: [early.id],
      total: 1,
    });
    expect(await search(lateCast.coordinator, q('虚假网络贷款'))).toEqual({
      ids: [earlyDraft.id],
      total: 1,
    });
    expect((await search(lateCast.liaison, q('虚假网络贷款'))).total).toBe(0);
  });

  it('when bulletins are written while a replica builds its index, then it catches up on every one', async () => {
    const written = during.map((b) => b.id).sort();
    await eventually(
      async () => (await search(lateCast.liaison, q('并发写入案例'))).total === written.length,
      'the late replica finds all 20',
    );
    expect(await search(lateCast.liaison, q('并发写入案例'))).toEqual({
      ids: written,
      total: written.length,
    });
  });

  it('when another replica drafts, edits and retracts, then this one follows each change by event', async () => {
    const draft = await bulletinAt(cast, 'draft', { title: '跨副本草稿：刷单返利' });
    await eventually(
      async () => (await search(lateCast.coordinator, q('刷单返利'))).ids.includes(draft.id),
      'the draft reaches the late replica',
    );
    const edited = await cast.author('PATCH', `/bulletins/${draft.id}`, {
      expectedRevision: draft.revision,
      title: '跨副本草稿：游戏装备交易',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await eventually(
      async () => (await search(lateCast.coordinator, q('游戏装备交易'))).ids.includes(draft.id),
      'the edit reaches the late replica',
    );
    expect((await search(lateCast.coordinator, q('刷单返利'))).ids).not.toContain(draft.id);

    await cast.coordinator('POST', `/bulletins/${early.id}/retract`, { reason: '案情需要核实' });
    await eventually(
      () => late.deps.search.snapshot().find((r) => r.id === early.id)?.status === 'retracted',
      'the retraction reaches the late replica',
    );
    expect(await search(lateCast.liaison, q('冒充客服办理退款'))).toEqual({ ids: [], total: 0 });
    expect((await search(lateCast.coordinator, q('冒充客服办理退款'))).ids).toEqual([early.id]);
  });

  it('when an index lags behind a retraction, then readers still never see the retracted bulletin nor count it', async () => {
    const before = await search(castOf(stale).liaison, q('讲座骗局'));
    expect(before.ids).toEqual([gone.id, kept.id].sort());
    await cast.coordinator('POST', `/bulletins/${gone.id}/retract`, { reason: '当事人要求撤下' });
    // The stale replica has not learnt of the retraction: its index still matches the bulletin…
    expect(stale.deps.search.search('public', { q: '保健品讲座' }, 1, 20)).toMatchObject({
      ids: [gone.id],
      total: 1,
    });
    expect(stale.deps.search.isPublic(gone.id)).toBe(true);
    // …but a reader's search reads the withdrawals first: gone from the page and from the totals.
    expect(await search(castOf(stale).liaison, q('保健品讲座'))).toEqual({ ids: [], total: 0 });
    expect(await search(castOf(stale).liaison, q('讲座骗局'))).toEqual({
      ids: [kept.id],
      total: 1,
    });
    // With no filter at all: the index counts it, the reader's total does not.
    const all = await search(castOf(stale).liaison, 'page=1');
    expect(all.ids).not.toContain(gone.id);
    const held = stale.deps.search.search('public', {}, 1, 1000);
    expect(held.ids).toContain(gone.id);
    expect(all.total).toBeLessThan(held.total);
    expect(held.ids.filter((id) => id !== gone.id && id !== early.id).sort()).toEqual(all.ids);
    // Staff on the stale replica are not protected from lag (ADR 039): they still see it as it was.
    expect((await search(castOf(stale).coordinator, q('保健品讲座'))).ids).toEqual([gone.id]);
  });

  it('when a lagging index holds a published bulletin whose next version is a draft, then readers get the published text only', async () => {
    const edited = await cast.author('PATCH', `/bulletins/${kept.id}`, {
      expectedRevision: kept.revision,
      title: '草稿修订：不应外泄的新标题',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const res = await castOf(stale).liaison('GET', `/bulletins?${q('讲座骗局')}`);
    const page = res.json<{ items: { id: string; title: string }[] }>();
    expect(page.items.map((i) => i.title)).toEqual(['滞后索引：理财讲座骗局']);
    expect((await search(castOf(stale).liaison, q('不应外泄'))).total).toBe(0);
    // The replica that wrote it: staff find the draft, readers still do not.
    expect((await search(cast.coordinator, q('不应外泄'))).ids).toEqual([kept.id]);
    expect((await search(cast.liaison, q('不应外泄'))).total).toBe(0);
  });

  it('when every write has been applied, then each replica’s live index equals one rebuilt from the database', async () => {
    const expected = (await rebuilt()).snapshot();
    expect(expected.length).toBeGreaterThan(20);
    await eventually(
      () => JSON.stringify(late.deps.search.snapshot()) === JSON.stringify(expected),
      'the late replica equals the rebuild',
    );
    expect(late.deps.search.snapshot()).toEqual(expected);
    expect(first.deps.search.snapshot()).toEqual(expected);
  });
});
