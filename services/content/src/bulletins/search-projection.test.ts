// Unit tests of the in-memory search index (pure): exact substrings, both views, apply-if-newer, order, paging, and agreement with a brute-force scan.
import { describe, expect, it } from 'vitest';
import {
  SearchIndex,
  type IndexedView,
  type IndexFilter,
  type IndexRecord,
} from './search.projection.ts';
import type { BulletinDto } from './bulletin.schemas.ts';
import { normaliseText, textQuery } from './search.rules.ts';

/** A list row carrying its text as the title: what the index hands back for a page. */
const rowOf = (title: string): BulletinDto => ({
  title,
  fraudType: 'fake_investment',
  summary: '',
  body: '',
  caseDate: '2025-01-01',
  region: '上海',
  lossFen: 0,
  victimProfile: { ageBand: null, occupation: null },
  modusOperandi: null,
  warningSigns: [],
  advice: [],
  audiences: ['elderly'],
  tags: [],
  id: 'row',
  status: 'published',
  revision: 1,
  version: 1,
  versionState: 'published',
  publishedVersion: 1,
  pendingVersion: null,
  authorId: 'officer',
  reviewerId: 'reviewer',
  submittedAt: null,
  publishedAt: null,
  lastRejection: null,
  retraction: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

const view = (
  text: string,
  at: number,
  extra: Partial<Omit<IndexedView, 'row'>> = {},
): IndexedView => ({
  fraudType: 'fake_investment',
  audiences: ['elderly'],
  caseDate: '2025-01-01',
  text: normaliseText(text),
  at,
  row: rowOf(text),
  ...extra,
});

function published(id: string, text: string, at: number, revision = 1): IndexRecord {
  const v = view(text, at);
  return { id, revision, status: 'published', awaitingReview: false, latest: v, public: v };
}

const ids = (index: SearchIndex, q: string, v: 'latest' | 'public' = 'public') =>
  index.search(v, { q }, 1, 100).ids;

describe('search index', () => {
  it('when a word occurs as a substring, then it matches; when its characters are there in another order, then not', () => {
    const index = new SearchIndex();
    index.apply(published('a', '高收益理财群骗走退休教师养老钱', 1));
    index.apply(published('b', '教师节退休仪式', 2));
    expect(ids(index, '退休教师')).toEqual(['a']);
    expect(ids(index, '教师退休')).toEqual([]);
    expect(ids(index, '退休')).toEqual(['b', 'a']);
    expect(ids(index, '退休 养老')).toEqual(['a']);
    expect(ids(index, '钱')).toEqual(['a']);
    expect(ids(index, '量子纠缠')).toEqual([]);
  });

  it('when a published bulletin has a draft version, then readers search the published text and staff the draft', () => {
    const index = new SearchIndex();
    index.apply({
      id: 'a',
      revision: 3,
      status: 'published',
      awaitingReview: true,
      latest: view('修订后的标题：游戏装备交易', 5),
      public: view('原标题：刷单返利', 4),
    });
    expect(ids(index, '刷单返利', 'public')).toEqual(['a']);
    expect(ids(index, '刷单返利', 'latest')).toEqual([]);
    expect(ids(index, '游戏装备', 'latest')).toEqual(['a']);
    expect(ids(index, '游戏装备', 'public')).toEqual([]);
    expect(index.search('latest', { awaitingReview: true }, 1, 10).ids).toEqual(['a']);
  });

  it('when an older revision arrives after a newer one, then it is ignored', () => {
    const index = new SearchIndex();
    expect(index.apply(published('a', '新的文字', 1, 2))).toBe(true);
    expect(index.apply(published('a', '旧的文字', 1, 1))).toBe(false);
    expect(index.apply(published('a', '新的文字', 1, 2))).toBe(false);
    expect(ids(index, '旧的')).toEqual([]);
    expect(ids(index, '新的')).toEqual(['a']);
    expect(index.revisionOf('a')).toBe(2);
  });

  it('when a bulletin is retracted, then readers no longer find it and staff still do', () => {
    const index = new SearchIndex();
    index.apply(published('a', '冒充公检法', 1));
    const retracted = published('a', '冒充公检法', 1, 2);
    index.apply({ ...retracted, status: 'retracted', public: null });
    expect(ids(index, '公检法', 'public')).toEqual([]);
    expect(ids(index, '公检法', 'latest')).toEqual(['a']);
  });

  it('when texts are replaced thousands of times, then only the current ones match, before and after compaction', () => {
    const index = new SearchIndex();
    for (let revision = 1; revision <= 3_000; revision++) {
      index.apply(published('a', `第${String(revision)}版 案例`, 1, revision));
      index.apply(published('b', `第${String(revision)}版 其他`, 2, revision));
    }
    expect(ids(index, '第3000版')).toEqual(['b', 'a']);
    expect(ids(index, '第2999版')).toEqual([]);
    expect(ids(index, '案例')).toEqual(['a']);
  });

  it('when a page is asked for, then it comes with each match’s list row of the view searched', () => {
    const index = new SearchIndex();
    index.apply({
      id: 'a',
      revision: 2,
      status: 'published',
      awaitingReview: false,
      latest: view('草稿标题：刷单返利新版', 5),
      public: view('已发布标题：刷单返利', 4),
    });
    index.apply(published('b', '刷单返利另一案', 3));
    const pub = index.search('public', { q: '刷单返利' }, 1, 20);
    expect(pub.ids).toEqual(['a', 'b']);
    expect(pub.rows.map((r) => r.title)).toEqual(['已发布标题：刷单返利', '刷单返利另一案']);
    const staff = index.search('latest', { q: '刷单返利' }, 1, 1);
    expect(staff.rows.map((r) => r.title)).toEqual(['草稿标题：刷单返利新版']);
    expect(staff.total).toBe(2);
  });

  it('when bulletins are hidden, then they are neither on the page nor in the total', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 5; i++) index.apply(published(`id${String(i)}`, '冒充公检法', i));
    const got = index.search('public', { q: '公检法' }, 1, 2, new Set(['id4', 'id1']));
    expect(got).toMatchObject({ ids: ['id3', 'id2'], total: 3 });
    expect(index.search('public', {}, 1, 20, new Set(['id0'])).total).toBe(4);
    expect(index.isPublic('id0')).toBe(true);
    expect(index.isPublic('nobody')).toBe(false);
  });

  it('when paging, then pages are newest first, do not overlap, and the total counts every match', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 45; i++)
      index.apply(published(`id${String(i).padStart(2, '0')}`, '转账', i));
    const pages = [1, 2, 3].map((page) => index.search('public', { q: '转账' }, page, 20));
    expect(pages.map((p) => p.total)).toEqual([45, 45, 45]);
    expect(pages.map((p) => p.ids.length)).toEqual([20, 20, 5]);
    expect(pages.flatMap((p) => p.ids)).toEqual(
      Array.from({ length: 45 }, (_, i) => `id${String(44 - i).padStart(2, '0')}`),
    );
  });

  it('when random bulletins and queries are compared with a brute-force scan, then every answer is the same', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const alphabet = Array.from('转账退休教师养老理财刷单返利冒充客服A1 。');
    const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)] as T;
    const word = (len: number) => Array.from({ length: len }, () => pick(alphabet)).join('');
    const index = new SearchIndex();
    const held = new Map<string, IndexRecord>();
    for (let i = 0; i < 3_000; i++) {
      const id = `b${String(next(300))}`;
      const revision = (held.get(id)?.revision ?? 0) + 1;
      const latest = view(word(5 + next(60)), next(1_000), {
        fraudType: pick(['fake_investment', 'task_rebate']),
        audiences: [pick(['elderly', 'students', 'bank_staff'])],
        caseDate: `2025-0${String(1 + next(9))}-1${String(next(10))}`,
      });
      const status = pick(['draft', 'in_review', 'published', 'retracted']);
      const record: IndexRecord = {
        id,
        revision,
        status,
        awaitingReview: status === 'in_review',
        latest,
        public:
          status === 'published' ? (next(2) === 0 ? latest : view(word(20), next(1_000))) : null,
      };
      index.apply(record);
      held.set(id, record);
    }
    const brute = (v: 'latest' | 'public', f: IndexFilter) => {
      const terms = f.q === undefined ? [] : textQuery(f.q).terms;
      return [...held.values()]
        .filter((r) =>
          v === 'public'
            ? r.status === 'published'
            : f.status === undefined || r.status === f.status,
        )
        .map((r) => ({ r, x: v === 'public' ? r.public : r.latest }))
        .filter(({ x }) => x !== null)
        .filter(({ x }) => f.fraudType === undefined || x?.fraudType === f.fraudType)
        .filter(({ x }) => f.audience === undefined || x?.audiences.includes(f.audience))
        .filter(
          ({ x }) =>
            (f.from === undefined || (x?.caseDate ?? '') >= f.from) &&
            (f.to === undefined || (x?.caseDate ?? '') <= f.to),
        )
        .filter(({ x }) => terms.every((t) => x?.text.includes(t)))
        .sort(
          (a, b) =>
            (b.x?.at ?? 0) - (a.x?.at ?? 0) || (b.r.id > a.r.id ? 1 : b.r.id < a.r.id ? -1 : 0),
        )
        .map(({ r }) => r.id);
    };
    for (let i = 0; i < 500; i++) {
      const f: IndexFilter = {
        q:
          next(5) === 0
            ? undefined
            : `${word(1 + next(3))}${next(4) === 0 ? ` ${word(1 + next(2))}` : ''}`,
        fraudType: next(3) === 0 ? 'task_rebate' : undefined,
        audience: next(3) === 0 ? 'students' : undefined,
        status: next(3) === 0 ? 'published' : undefined,
        from: next(4) === 0 ? '2025-03-01' : undefined,
        to: next(4) === 0 ? '2025-07-01' : undefined,
      };
      for (const v of ['latest', 'public'] as const) {
        const want = brute(v, f);
        if (f.q !== undefined && textQuery(f.q).terms.length === 0) want.length = 0;
        const got = index.search(v, f, 2, 7);
        expect(got.total, JSON.stringify(f)).toBe(want.length);
        expect(got.ids, JSON.stringify(f)).toEqual(want.slice(7, 14));
      }
    }
  });
});
