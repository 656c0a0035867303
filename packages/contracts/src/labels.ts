// Bilingual labels for every code people see, built together with the code's zod enum so the two can't drift.
import { z } from 'zod';

/** The console is Simplified Chinese first; English is the second language, never a fallback for missing Chinese. */
export const Locale = z.enum(['zh', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Label = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Label = z.infer<typeof Label>;

export type Labels<K extends string> = { readonly [P in K]: Label };

/** A zod enum that also carries the label of each of its codes. */
export type LabelledEnum<K extends string> = z.ZodEnum<{ [P in K]: P }> & {
  readonly labels: Labels<K>;
};

/**
 * Builds the enum from its label map, so a code cannot exist without both labels.
 * The result is a plain zod enum (use it inside `z.object`) with `labels` attached;
 * derived schemas (`.optional()`, …) are ordinary zod schemas without labels.
 */
export function labelledEnum<const L extends Readonly<Record<string, Label>>>(
  labels: L,
): LabelledEnum<keyof L & string> {
  const [first, ...rest] = Object.keys(labels) as (keyof L & string)[];
  if (first === undefined) throw new RangeError('labelledEnum needs at least one code');
  return Object.assign(z.enum([first, ...rest]), { labels: Object.freeze({ ...labels }) });
}

/** The label of `code` in `locale`, Chinese unless asked otherwise. */
export function labelOf<K extends string>(
  schema: LabelledEnum<K>,
  code: K,
  locale: Locale = 'zh',
): string {
  return schema.labels[code][locale];
}
