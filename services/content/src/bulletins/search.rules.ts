// Text search keys for Chinese: normalised text and its character bigrams (ADR 015). Pure.

/** Full-width forms folded (NFKC), lower-cased: what both the stored keys and the query go through. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Runs of letters, digits and ideographs; punctuation, spaces and Markdown marks split them.
const RUN = /[\p{L}\p{N}]+/gu;

function runsOf(text: string): string[] {
  return normaliseText(text).match(RUN) ?? [];
}

/** Every distinct pair of adjacent characters inside a run, in the order they first occur. */
function gramsInOrder(text: string): string[] {
  const grams = new Set<string>();
  for (const run of runsOf(text)) {
    const chars = Array.from(run);
    if (chars.length === 1) grams.add(run);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
  return [...grams];
}

/**
 * Every pair of adjacent characters inside a run, once. "刷单返利" → 刷单, 单返, 返利.
 * A one-character run yields itself, so single characters can be found as whole runs.
 */
export function bigramsOf(text: string): string[] {
  return gramsInOrder(text).sort();
}

/**
 * The most keys one array field holds. FerretDB also builds a btree on the whole array beside
 * our GIN index, and PostgreSQL refuses an index row over ~2.7 kB: 400 distinct Chinese bigrams
 * fit, 600 failed the insert with a 500 (measured, ADR 020). 256 leaves room for 4-byte characters.
 */
export const MAX_KEY_GRAMS = 256;
/** Key fields per view: up to 1,024 distinct bigrams (a bulletin of ~1,500 characters) are keyed. */
export const KEY_FIELDS = 4;

/**
 * The keys stored for a text: its distinct bigrams in the order they first occur (title and
 * summary first), split into KEY_FIELDS chunks of at most MAX_KEY_GRAMS, each sorted. `capped`
 * marks a text with more: a search scans the capped bulletins too, so nothing is missed.
 */
export function keyGramsOf(text: string): { chunks: string[][]; capped: boolean } {
  const all = gramsInOrder(text);
  const chunks = Array.from({ length: KEY_FIELDS }, (_, i) =>
    all.slice(i * MAX_KEY_GRAMS, (i + 1) * MAX_KEY_GRAMS).sort(),
  );
  return { chunks, capped: all.length > KEY_FIELDS * MAX_KEY_GRAMS };
}

/** The stored field of key chunk `i` of a view: `publicGrams`, `publicGrams2`, … (chunk 0 keeps the old name). */
export const gramField = (view: 'latest' | 'public', i: number): string =>
  i === 0 ? `${view}Grams` : `${view}Grams${i + 1}`;

export interface TextQuery {
  /** Each must occur in the normalised text (words typed with spaces between them). */
  terms: string[];
  /** Keys every matching document holds; empty when a term is a single character. */
  grams: string[];
  /** True when the keys alone cannot decide (a single character can sit inside a run). */
  needsScan: boolean;
  /** The one key a query can narrow by in SQL (FerretDB pushes one equality per field): see `leadGram`. */
  lead: string | null;
}

export function textQuery(q: string): TextQuery {
  const terms = runsOf(q);
  const grams = new Set<string>();
  let needsScan = false;
  for (const term of terms) {
    const chars = Array.from(term);
    if (chars.length === 1) needsScan = true;
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
  return { terms, grams: [...grams].sort(), needsScan, lead: leadGram(terms) };
}

/**
 * The bigram the database narrows by. Without document frequencies at hand, the last pair of
 * the longest word: in Chinese phrases the head noun comes last (退休教师 → 教师) and is rarer
 * than the modifiers before it. A poor pick costs time, never results: all keys are checked.
 */
export function leadGram(terms: readonly string[]): string | null {
  const longest = [...terms].sort((a, b) => Array.from(b).length - Array.from(a).length)[0];
  if (longest === undefined) return null;
  const chars = Array.from(longest);
  return chars.length < 2
    ? null
    : `${chars[chars.length - 2] ?? ''}${chars[chars.length - 1] ?? ''}`;
}

/** The regular expression for a term, matched against the normalised text. */
export function termPattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
