// This replica's view of the withdrawals log: what it has read so far, and which withdrawals its search index has not applied yet (ADR 044).
import type { LogEntry, WithdrawalRepository } from './withdrawal.repository.ts';

/** What the watch asks of the search index. */
export interface HeldRevisions {
  revisionOf(id: string): number | null;
  isPublic(id: string): boolean;
}

export interface WithdrawalWatchOptions {
  /** A number handed out but not written for this long is voided (its writer is taken for dead). */
  voidAfterMs?: number;
  /** More new numbers than this at once are read as the whole log in one query instead. */
  maxDelta?: number;
  now?: () => number;
}

/**
 * Reads the log incrementally. The invariant a search relies on: once `seen` is `k`, every entry
 * numbered up to `k` is in `pending` (until the index holds its revision), or its number is in
 * `holes` (not written yet: a write that announces itself writes its entry before the bulletin, so
 * a hole's bulletin is still readable), or it was void. Each search then reads the head (one
 * exact `_id`), the numbers after `seen` and the holes: nothing that grows with the log.
 */
export class WithdrawalWatch {
  private seen = 0;
  /** Bulletin id → the highest withdrawal revision read and not yet applied by the index. */
  private readonly pending = new Map<string, number>();
  /** Number → when this replica first found it missing. */
  private readonly holes = new Map<number, number>();
  private primed: Promise<void> | null = null;
  private readonly voidAfterMs: number;
  private readonly maxDelta: number;
  private readonly now: () => number;

  constructor(
    private readonly log: WithdrawalRepository,
    opts: WithdrawalWatchOptions = {},
  ) {
    this.voidAfterMs = opts.voidAfterMs ?? 60_000;
    this.maxDelta = opts.maxDelta ?? 200;
    this.now = opts.now ?? Date.now;
  }

  /**
   * The bulletins `index` may still show readers although a withdrawal newer than what it holds
   * has been announced: what the search must check against the database. Reads only what is new.
   */
  async unapplied(index: HeldRevisions): Promise<string[]> {
    this.primed ??= this.readAll().catch((err: unknown) => {
      this.primed = null;
      throw err;
    });
    await this.primed;
    const head = await this.log.head();
    if (head - this.seen > this.maxDelta) await this.readAll(head);
    else {
      const numbers = [...this.holes.keys()];
      for (let n = this.seen + 1; n <= head; n++) numbers.push(n);
      if (numbers.length > 0) this.record(await this.log.entries(numbers), head);
    }
    this.voidOldHoles();
    const unsure: string[] = [];
    for (const [id, revision] of this.pending) {
      const held = index.revisionOf(id);
      if (held !== null && held >= revision) this.pending.delete(id);
      else if (held !== null && index.isPublic(id)) unsure.push(id);
    }
    return unsure;
  }

  /** How many numbers this replica is still waiting on (for tests and logs). */
  get holeCount(): number {
    return this.holes.size;
  }

  /** The whole log, up to a head read first (entries written after it are read next time). */
  private async readAll(knownHead?: number): Promise<void> {
    const head = knownHead ?? (await this.log.head());
    const all = await this.log.all();
    for (let n = 1; n <= head; n++) if (!all.has(n)) all.set(n, null);
    this.record(all, head);
  }

  /** Entries read for numbers up to `head`: all in one synchronous step, then `seen` moves. */
  private record(entries: Map<number, LogEntry>, head: number): void {
    for (const [n, entry] of entries) {
      if (n > head && entry === null) continue;
      if (entry === null) {
        if (!this.holes.has(n)) this.holes.set(n, this.now());
        continue;
      }
      this.holes.delete(n);
      if (entry === 'void') continue;
      const had = this.pending.get(entry.bulletinId) ?? -1;
      if (entry.revision > had) this.pending.set(entry.bulletinId, entry.revision);
    }
    this.seen = Math.max(this.seen, head);
  }

  /**
   * A writer that took a number and died never writes it. After `voidAfterMs` the number is
   * voided (an insert that wins or loses on `_id`), so a writer that was only slow must take a
   * new one. In the background: a hole is not a withdrawal this search must honour.
   */
  private voidOldHoles(): void {
    const cutoff = this.now() - this.voidAfterMs;
    for (const [n, since] of this.holes) {
      if (since > cutoff) continue;
      void this.log.void(n).then(
        (voided) => {
          if (voided) this.holes.delete(n);
        },
        () => undefined, // tried again at the next search
      );
    }
  }
}
