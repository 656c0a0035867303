// Unit tests for list paging: query-string coercion with defaults and bounds, and the page envelope.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { PageQuery, Paginated } from './pagination.ts';

describe('PageQuery', () => {
  it('when the query is empty, then page 1 of 20 is asked for', () => {
    expect(PageQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('when page and size come as query-string text, then they become numbers', () => {
    expect(PageQuery.parse({ page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50 });
  });

  it.each([
    ['page 0', { page: '0' }],
    ['a negative page', { page: '-1' }],
    ['a fractional page', { page: '2.5' }],
    ['an empty page', { page: '' }],
    ['words', { page: 'two' }],
    ['pageSize 0', { pageSize: '0' }],
    ['pageSize over 100', { pageSize: '101' }],
  ])('when the query has %s, then it is refused', (_case, query) => {
    expect(PageQuery.safeParse(query).success).toBe(false);
  });
});

describe('Paginated', () => {
  const Page = Paginated(z.object({ id: z.string() }));

  it('when a list answers, then items are validated with the page numbers', () => {
    const body = { items: [{ id: 'a' }], total: 41, page: 3, pageSize: 20 };
    expect(Page.parse(body)).toEqual(body);
  });

  it('when an item is malformed, then the page is refused at that item', () => {
    const result = Page.safeParse({ items: [{ id: 1 }], total: 1, page: 1, pageSize: 20 });
    expect(result.error?.issues[0]?.path).toEqual(['items', 0, 'id']);
  });
});
