// A search corpus of any size made from the demo bulletins' own sentences: for the search benchmarks (search.bench.ts, `pnpm bench --only search`).
import type { BulletinRepository } from '../bulletins/bulletin.repository.ts';
import { approveBulletin, newBulletin, submitBulletin } from '../bulletins/bulletin.rules.ts';
import type { Bulletin, BulletinContent } from '../bulletins/bulletin.ts';
import { DEMO_BULLETINS } from './demo-bulletins.ts';

// Realistic text: the demo bulletins' own sentences, recombined. Every bulletin keeps one demo
// case's title, type, audiences and summary, and its body gains sentences from the others.
const SENTENCES = DEMO_BULLETINS.flatMap((d) =>
  `${d.content.summary}${d.content.body}`
    .split(/(?<=[。！？])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => Array.from(s).length >= 8),
);
const REGIONS = [
  '香河县淑阳镇',
  '香河县蒋辛屯镇',
  '香河县渠口镇',
  '香河县安头屯镇',
  '香河县五百户镇',
];
/** Planted in one bulletin of every hundred: the rare term. */
export const CORPUS_RARE_WORD = '翡翠手镯';

/** Bulletin `i` of the corpus; the same `i` always gives the same content. */
export function corpusContent(i: number): BulletinContent {
  const base = DEMO_BULLETINS[i % DEMO_BULLETINS.length]?.content;
  if (base === undefined) throw new Error('no demo bulletins');
  // A generator per bulletin, so bulletin i does not depend on which were made before it.
  let seed = 11 + i * 7919;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = () => SENTENCES[Math.floor(rnd() * SENTENCES.length)] ?? '';
  const extra = Array.from({ length: 4 + (i % 5) }, pick).join('');
  const rare = i % 100 === 37 ? `受害人还被骗买下一只“${CORPUS_RARE_WORD}”。` : '';
  return {
    title: `${base.title}（第${i + 1}号）`,
    fraudType: base.fraudType,
    summary: base.summary,
    body: `${base.body}\n\n## 类似情况\n\n${rare}${extra}`,
    caseDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    region: REGIONS[i % REGIONS.length] ?? '香河县',
    lossFen: (i % 500) * 10_000,
    victimProfile: { ageBand: base.victimProfile.ageBand, occupation: null },
    modusOperandi: base.modusOperandi,
    warningSigns: base.warningSigns,
    advice: base.advice,
    audiences: base.audiences,
    tags: [],
  };
}

/** Published bulletin `i` of the corpus under `id`, as the workflow would leave it. */
export function corpusBulletin(id: string, i: number): Bulletin {
  const author = { id: 'bench-author', role: 'officer' as const };
  const reviewer = { id: 'bench-reviewer', role: 'reviewer' as const };
  const now = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const draft = newBulletin(id, corpusContent(i), author, now);
  return approveBulletin(submitBulletin(draft, author, now), reviewer, now);
}

/** Writes `n` published bulletins of the corpus, 20 at a time, through the repository (as the API would store them). */
export async function seedCorpus(
  repo: BulletinRepository,
  n: number,
  progress: (done: number) => void = () => undefined,
): Promise<void> {
  for (let from = 0; from < n; from += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, n - from) }, (_, k) =>
        repo.insert(corpusBulletin(repo.newId(), from + k)),
      ),
    );
    if (from % 1000 === 0) progress(from);
  }
}
