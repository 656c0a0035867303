// The search read model of one content replica: every bulletin's two views and list rows in memory, a bigram → bulletins posting list, apply-if-newer by revision (ADR 036, 039).
import type { BulletinDto } from './bulletin.schemas.ts';
import { bigramsOf, textQuery } from './search.rules.ts';
import { TopMatches } from './search-top.ts';

/** What one view of a bulletin is searched and sorted by (the stored search keys of ADR 015). */
export interface IndexedView {
  fraudType: string;
  audiences: readonly string[];
  /** YYYY-MM-DD: compared as strings. */
  caseDate: string;
  /** Normalised title, summary and body (`normaliseText`). */
  text: string;
  /** Sort key, ms: when the view last changed (staff) or was published (readers). */
  at: number;
  /** The list row this view is served as (`bulletinView`): a page needs no database read (ADR 039). */
  row: BulletinDto;
}

/** One bulletin as the index holds it: the version staff work on, and the published one readers see (null when not readable). */
export interface IndexRecord {
  id: string;
  /** The bulletin's revision: a record older than the one held is ignored. */
  revision: number;
  status: string;
  awaitingReview: boolean;
  latest: IndexedView;
  public: IndexedView | null;
}

export type IndexView = 'latest' | 'public';

export interface IndexFilter {
  fraudType?: string | undefined;
  audience?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  awaitingReview?: boolean | undefined;
}

/** One page of matches: their ids and list rows, in order, and how many match in all. */
export interface IndexPage {
  ids: string[];
  rows: BulletinDto[];
  total: number;
}

/** A text in the posting lists: `ord` identifies it; the two views of a bulletin share one when their texts are equal. */
interface Slot {
  ord: number;
  view: IndexedView;
}

interface Entry {
  record: IndexRecord;
  latest: Slot;
  public: Slot | null;
}

/** Ordinals of the texts holding one bigram, ascending (appended as ordinals are handed out). */
class Postings {
  ords = new Int32Array(4);
  n = 0;
  push(ord: number): void {
    if (this.n === this.ords.length) {
      const grown = new Int32Array(this.ords.length * 2);
      grown.set(this.ords);
      this.ords = grown;
    }
    this.ords[this.n++] = ord;
  }

  /** Whether `ord` is in the list (ascending: binary search). */
  has(ord: number): boolean {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.ords[mid] ?? -1;
      if (at === ord) return true;
      if (at < ord) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

// Ordinals of replaced texts stay in the posting lists (skipped when read) until this many pile up.
const COMPACT_AFTER = 2_000;

export class SearchIndex {
  private readonly entries = new Map<string, Entry>();
  /** ord → the bulletin whose text it was; a posting is live while that bulletin's view still has this ord. */
  private owners: string[] = [];
  private postings = new Map<string, Postings>();
  private dead = 0;
  private isReady = false;

  /** True once built from the database: until then searches go to the database (ADR 036). */
  get ready(): boolean {
    return this.isReady;
  }

  markReady(): void {
    this.isReady = true;
  }

  private resolveFollowing: () => void = () => undefined;
  /** Resolves once the index is built and its consumer has joined (`/readyz` waits for it). */
  readonly following: Promise<void> = new Promise((resolve) => {
    this.resolveFollowing = resolve;
  });

  markFollowing(): void {
    this.resolveFollowing();
  }

  get size(): number {
    return this.entries.size;
  }

  revisionOf(id: string): number | null {
    return this.entries.get(id)?.record.revision ?? null;
  }

  /** Applies `record` unless the index already holds this bulletin at the same or a later revision. */
  apply(record: IndexRecord): boolean {
    const held = this.entries.get(record.id);
    if (held !== undefined && held.record.revision >= record.revision) return false;
    const reusable = held === undefined ? [] : [held.latest, held.public];
    // An unchanged text keeps its ordinal and its posting lists; equal texts share one string.
    const slotFor = (view: IndexedView, also: Slot | null): Slot => {
      const same = [...reusable, also].find(
        (s): s is Slot => s !== null && s.view.text === view.text,
      );
      if (same === undefined) return { ord: this.add(record.id, view.text), view };
      return { ord: same.ord, view: { ...view, text: same.view.text } };
    };
    const latest = slotFor(record.latest, null);
    const pub = record.public === null ? null : slotFor(record.public, latest);
    if (held !== undefined) {
      const kept = new Set([latest.ord, pub?.ord]);
      const old = new Set([held.latest.ord, held.public?.ord ?? -1].filter((o) => o >= 0));
      for (const ord of old) if (!kept.has(ord)) this.dead += 1;
    }
    const stored = { ...record, latest: latest.view, public: pub?.view ?? null };
    this.entries.set(record.id, { record: stored, latest, public: pub });
    if (this.dead > Math.max(COMPACT_AFTER, this.owners.length / 2)) this.compact();
    return true;
  }

  /** True when the index holds a readers' view of this bulletin (it believes it published). */
  isPublic(id: string): boolean {
    return (this.entries.get(id)?.public ?? null) !== null;
  }

  /**
   * One page of the matches, newest first (then by id), and how many match in all. Every
   * word must occur as a substring of the view's text: the rarest bigram of the query picks the
   * candidates, `includes` decides, so results are exactly those of the database's `$regex`.
   * `hidden` bulletins are left out of the page and the total (readers: withdrawn ones the index
   * has not applied yet, ADR 039).
   */
  search(
    view: IndexView,
    filter: IndexFilter,
    page: number,
    pageSize: number,
    hidden: ReadonlySet<string> = new Set(),
  ): IndexPage {
    const text = filter.q === undefined ? null : textQuery(filter.q);
    if (text !== null && text.terms.length === 0) return { ids: [], rows: [], total: 0 };
    const rarest = this.rarestPostings(text?.grams ?? []);
    if (rarest === 'none') return { ids: [], rows: [], total: 0 };
    // A two-character term is one bigram: a text holds it exactly when the text's ordinal is in
    // its posting list (binary search), which is cheaper than scanning the text. The rarest
    // bigram's own term needs no check at all: the candidates come from its list.
    const byPosting: Postings[] = [];
    const bySubstring: string[] = [];
    for (const term of text?.terms ?? []) {
      const postings = Array.from(term).length === 2 ? this.postings.get(term) : undefined;
      if (postings === undefined) bySubstring.push(term);
      else if (postings !== rarest) byPosting.push(postings);
    }
    const matches = (entry: Entry, slot: Slot): boolean => {
      const r = entry.record;
      const v = slot.view;
      if (hidden.has(r.id)) return false;
      if (view === 'public') {
        if (r.status !== 'published') return false;
      } else {
        if (filter.status !== undefined && r.status !== filter.status) return false;
        const awaiting = filter.awaitingReview;
        if (awaiting !== undefined && r.awaitingReview !== awaiting) return false;
      }
      if (filter.fraudType !== undefined && v.fraudType !== filter.fraudType) return false;
      if (filter.audience !== undefined && !v.audiences.includes(filter.audience)) return false;
      if (filter.from !== undefined && v.caseDate < filter.from) return false;
      if (filter.to !== undefined && v.caseDate > filter.to) return false;
      return (
        byPosting.every((p) => p.has(slot.ord)) && bySubstring.every((t) => v.text.includes(t))
      );
    };
    // Every match is counted, but only those that can be on the first `page` pages are sorted:
    // a common word matches most of the corpus (ADR 044, profile).
    const top = new TopMatches(page * pageSize);
    const consider = (entry: Entry | undefined, ord: number | null): void => {
      const slot = entry?.[view];
      if (entry === undefined || slot === null || slot === undefined) return;
      if (ord !== null && slot.ord !== ord) return; // a replaced text, or the other view's
      if (matches(entry, slot)) top.add(entry.record.id, slot.view.at, slot.view.row);
    };
    // Latest first (ordinals and the map grow in the order texts were added, roughly their age),
    // so that once the pages are full most older matches are only counted.
    if (rarest === null) {
      const all = Array.from(this.entries.values());
      for (let i = all.length - 1; i >= 0; i--) consider(all[i], null);
    } else {
      for (let i = rarest.n - 1; i >= 0; i--) {
        const ord = rarest.ords[i] ?? -1;
        const owner = this.owners[ord];
        if (owner !== undefined) consider(this.entries.get(owner), ord);
      }
    }
    return { ...top.slice((page - 1) * pageSize, page * pageSize), total: top.total };
  }

  /** Every record held, by id: what a rebuild from the database must equal. */
  snapshot(): IndexRecord[] {
    return [...this.entries.values()]
      .map((e) => e.record)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Posting list of the query's rarest bigram; null: no bigram to narrow by; 'none': a bigram no text holds. */
  private rarestPostings(grams: readonly string[]): Postings | null | 'none' {
    let best: Postings | null = null;
    for (const gram of grams) {
      const p = this.postings.get(gram);
      if (p === undefined) return 'none';
      if (best === null || p.n < best.n) best = p;
    }
    return best;
  }

  private add(id: string, text: string): number {
    const ord = this.owners.length;
    this.owners.push(id);
    for (const gram of bigramsOf(text)) {
      let p = this.postings.get(gram);
      if (p === undefined) {
        p = new Postings();
        this.postings.set(gram, p);
      }
      p.push(ord);
    }
    return ord;
  }

  /** Renumbers the live texts so replaced ones leave the posting lists. */
  private compact(): void {
    this.owners = [];
    this.postings = new Map();
    this.dead = 0;
    for (const entry of this.entries.values()) {
      const id = entry.record.id;
      const latest = { ord: this.add(id, entry.latest.view.text), view: entry.latest.view };
      const shared = entry.public !== null && entry.public.ord === entry.latest.ord;
      const pub =
        entry.public === null
          ? null
          : {
              ord: shared ? latest.ord : this.add(id, entry.public.view.text),
              view: entry.public.view,
            };
      this.entries.set(id, { record: entry.record, latest, public: pub });
    }
  }
}
