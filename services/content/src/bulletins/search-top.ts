// The matches of one search and the first pages of them in page order, without sorting every match: a min-heap of the newest times picks a threshold, then only matches at or above it are sorted (ADR 044).
import type { BulletinDto } from './bulletin.schemas.ts';

export class TopMatches {
  private readonly ids: string[] = [];
  private readonly ats: number[] = [];
  private readonly rows: BulletinDto[] = [];
  /** The `keep` newest times seen, as a min-heap: its root is the oldest time a page can show. */
  private readonly heap: Float64Array;
  private size = 0;

  constructor(private readonly keep: number) {
    this.heap = new Float64Array(Math.max(1, keep));
  }

  private count = 0;

  get total(): number {
    return this.count;
  }

  /**
   * One match. Counted always; kept (by reference) only while it could still be on the pages:
   * the threshold only rises, so a match older than it never will be. Matches that come newest
   * first are mostly only counted; any order is correct.
   */
  add(id: string, at: number, row: BulletinDto): void {
    this.count += 1;
    const h = this.heap;
    if (this.size >= this.keep && at < (h[0] ?? 0)) return;
    this.ids.push(id);
    this.ats.push(at);
    this.rows.push(row);
    if (this.size < this.keep) {
      let i = this.size++;
      h[i] = at;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const p = h[parent] ?? 0;
        if (p <= at) break;
        h[i] = p;
        h[parent] = at;
        i = parent;
      }
      return;
    }
    if (this.keep === 0 || at <= (h[0] ?? 0)) return;
    // Replace the root and sift it down.
    let i = 0;
    h[0] = at;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < this.size && (h[l] ?? 0) < (h[least] ?? 0)) least = l;
      if (r < this.size && (h[r] ?? 0) < (h[least] ?? 0)) least = r;
      if (least === i) break;
      const t = h[i] ?? 0;
      h[i] = h[least] ?? 0;
      h[least] = t;
      i = least;
    }
  }

  /** Matches `from` to `to` (exclusive) in page order: newest first, then by id descending. */
  slice(from: number, to: number): { ids: string[]; rows: BulletinDto[] } {
    const threshold = this.size >= this.keep && this.keep > 0 ? (this.heap[0] ?? 0) : -Infinity;
    const picked: number[] = [];
    for (let i = 0; i < this.ats.length; i++) if ((this.ats[i] ?? 0) >= threshold) picked.push(i);
    const id = (i: number): string => this.ids[i] ?? '';
    const at = (i: number): number => this.ats[i] ?? 0;
    picked.sort((a, b) => at(b) - at(a) || (id(b) > id(a) ? 1 : id(b) < id(a) ? -1 : 0));
    const shown = picked.slice(from, to);
    const rows = shown.flatMap((i) => {
      const row = this.rows[i];
      return row === undefined ? [] : [row];
    });
    return { ids: shown.map(id), rows };
  }
}
