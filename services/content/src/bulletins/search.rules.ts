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

/**
 * Every pair of adjacent characters inside a run, once. "刷单返利" → 刷单, 单返, 返利.
 * A one-character run yields itself, so single characters can be found as whole runs.
 */
export function bigramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (const run of runsOf(text)) {
    const chars = Array.from(run);
    if (chars.length === 1) grams.add(run);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
  return [...grams].sort();
}

export interface TextQuery {
  /** Each must occur in the normalised text (words typed with spaces between them). */
  terms: string[];
  /** Keys every matching document holds; empty when a term is a single character. */
  grams: string[];
  /** True when the keys alone cannot decide (a single character can sit inside a run). */
  needsScan: boolean;
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
  return { terms, grams: [...grams].sort(), needsScan };
}

/** The regular expression for a term, matched against the normalised text. */
export function termPattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
