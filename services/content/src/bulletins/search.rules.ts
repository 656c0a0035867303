// Text search for Chinese: normalised text, its character bigrams (the index's keys, ADR 036) and how a query splits into words. Pure.

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

export interface TextQuery {
  /** Each must occur in the normalised text (words typed with spaces between them). */
  terms: string[];
  /** Bigrams every matching text holds (the index narrows by the rarest); empty when a term is a single character. */
  grams: string[];
}

export function textQuery(q: string): TextQuery {
  const terms = runsOf(q);
  const grams = new Set<string>();
  for (const term of terms) {
    const chars = Array.from(term);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
  return { terms, grams: [...grams].sort() };
}

/** The regular expression for a term, matched against the normalised text. */
export function termPattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
