// Page-by-page lists: the query a client sends and the envelope a list answers with.
import { z } from 'zod';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/**
 * `?page=2&pageSize=50`, coerced from query-string text. Absent means the default; present
 * but not a whole number in range (including empty) is a 400, never a silent default.
 */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function Paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** All matches, not just this page's. */
    total: z.int().nonnegative(),
    page: z.int().min(1),
    pageSize: z.int().min(1).max(PAGE_SIZE_MAX),
  });
}
export type Paginated<T> = { items: T[]; total: number; page: number; pageSize: number };
