// The bulletin store: reads by who is reading (staff see drafts, readers only what is published) and writes with their events.
import { initialOutbox, withEvents, type PendingEvent } from '@lianxin/platform/messaging';
import { Types, type QueryFilter } from 'mongoose';
import { z } from 'zod';
import { writersOf, type Bulletin } from './bulletin.ts';
import { changedEvent } from './bulletin.events.ts';
import {
  RETIRED_KEY_FIELDS,
  RETIRED_KEY_MARKER,
  type BulletinDoc,
  type BulletinModel,
} from './bulletin.model.ts';
import { awaitingReview, indexRecordOf, prefixed, viewsOf } from './search-keys.rules.ts';
import type { IndexRecord } from './search.projection.ts';
import { termPattern, textQuery } from './search.rules.ts';
import type { WithdrawalRepository } from './withdrawal.repository.ts';

/** What `listIndexes` answers, as far as the retirement of old indexes needs it. */
const IndexList = z.array(
  z.looseObject({ name: z.string(), key: z.record(z.string(), z.unknown()) }),
);

/** Staff read every bulletin as it is being written; readers (liaisons, the public) only published ones. */
export type Readership = 'staff' | 'reader';

export interface SearchFilter {
  fraudType?: string | undefined;
  audience?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  awaitingReview?: boolean | undefined;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The stored form: the aggregate plus the search keys derived from it (never written on their own). */
function stateOf(b: Bulletin): Record<string, unknown> {
  const { id: _id, ...fields } = b;
  const views = viewsOf(b);
  return {
    ...fields,
    ...prefixed('latest', views.latest),
    ...prefixed('public', views.public),
    awaitingReview: awaitingReview(b),
    writers: writersOf(b),
  };
}

/** List reads leave the history out. */
type StoredDoc = Omit<BulletinDoc, 'history'> & { history?: BulletinDoc['history'] };

function toBulletin(doc: StoredDoc): Bulletin {
  return {
    id: doc._id.toHexString(),
    status: doc.status,
    versions: doc.versions,
    publishedNumber: doc.publishedNumber,
    pendingNumber: doc.pendingNumber,
    revision: doc.revision,
    history: doc.history ?? [],
    retraction: doc.retraction,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function withRest(
  equalities: Record<string, unknown>,
  rest: Record<string, unknown>[],
): Record<string, unknown> {
  return rest.length > 0 ? { ...equalities, $and: rest } : equalities;
}

// Page reads leave out the history and the search keys (large, and never in a response), and
// the retired key arrays of documents not yet migrated (ADR 039).
const LIGHT: Record<string, 0> = {
  history: 0,
  outbox: 0,
  latestText: 0,
  publicText: 0,
  ...Object.fromEntries(RETIRED_KEY_FIELDS.map((f) => [f, 0] as const)),
};

export interface RepositoryOptions {
  /** Called with what every successful write stored: this replica's search index (ADR 036). */
  onWrite?: (record: IndexRecord) => void;
}

export class BulletinRepository {
  constructor(
    private readonly model: BulletinModel,
    private readonly withdrawals: WithdrawalRepository,
    /** Called after every write that appended events (wakes the outbox relay). */
    private readonly afterWrite: () => void = () => undefined,
    private readonly options: RepositoryOptions = {},
  ) {}

  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  async insert(bulletin: Bulletin): Promise<Bulletin> {
    // A draft emits only the internal bulletin.changed, for the other replicas' search indexes.
    await this.model.create({
      _id: new Types.ObjectId(bulletin.id),
      ...stateOf(bulletin),
      ...initialOutbox([changedEvent(bulletin)]),
    });
    this.afterWrite();
    this.options.onWrite?.(indexRecordOf(bulletin));
    return bulletin;
  }

  async find(readership: Readership, id: string): Promise<Bulletin | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const filter: QueryFilter<BulletinDoc> = { _id: new Types.ObjectId(id) };
    const doc = await this.model.findOne(filter).lean<BulletinDoc>();
    if (doc === null) return null;
    // Filtered here rather than in the query: on FerretDB only an exact {_id} filter uses the index.
    if (readership === 'reader' && doc.status !== 'published') return null;
    return toBulletin(doc);
  }

  /**
   * Writes `next` only if nobody wrote since `previous` was read (its revision), with its events
   * in the same single-document update. Null when the revision moved on: the caller decides again.
   */
  async save(previous: Bulletin, next: Bulletin, events: PendingEvent[]): Promise<Bulletin | null> {
    // Every write also tells the other replicas' search indexes which bulletin changed (ADR 036).
    const update = withEvents({ $set: stateOf(next) }, [...events, changedEvent(next)]);
    // A write that makes a bulletin unreadable is announced first, so that from the moment it
    // lands every reader's search sees it, whatever its replica's index has applied (ADR 039, 044).
    if (previous.status === 'published' && next.status !== 'published')
      await this.withdrawals.announce(previous.id, next.revision);
    const res = await this.model.updateOne(
      { _id: new Types.ObjectId(previous.id), revision: previous.revision },
      update,
    );
    if (res.matchedCount === 0) return null;
    this.afterWrite();
    this.options.onWrite?.(indexRecordOf(next));
    return next;
  }

  /**
   * Every bulletin's index record, in one exhausted query (a replica's index build, ADR 036):
   * the bulletin without its history, since the index also holds the list rows (ADR 039).
   */
  async indexRecords(): Promise<IndexRecord[]> {
    const docs = await this.model.find({}, LIGHT).lean<StoredDoc[]>();
    return docs.map((doc) => indexRecordOf(toBulletin(doc)));
  }

  /** One bulletin's index record, read by exact `_id`; null if there is none. */
  async indexRecord(id: string): Promise<IndexRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findOne({ _id: new Types.ObjectId(id) }, LIGHT).lean<StoredDoc>();
    return doc === null ? null : indexRecordOf(toBulletin(doc));
  }

  /**
   * The page's bulletins read by exact `_id` (the one filter every backend serves from an
   * index), in the order given. A reader's page drops a bulletin that is no longer published:
   * whatever picked the ids (the search index, or a pass that read them) may be behind.
   */
  async page(readership: Readership, ids: readonly string[]): Promise<Bulletin[]> {
    const docs = await Promise.all(
      ids.map((id) => this.model.findOne({ _id: new Types.ObjectId(id) }, LIGHT).lean<StoredDoc>()),
    );
    return docs
      .filter(
        (d): d is StoredDoc => d !== null && (readership === 'staff' || d.status === 'published'),
      )
      .map(toBulletin);
  }

  /**
   * The database search, used only until this replica's search index is built (ADR 036): one
   * pass over what the filter's equalities select in SQL, each matched text checked by `$regex`
   * in FerretDB (correct, but it decodes every candidate: seconds at 10,000), reading only ids and
   * the sort key, then the page's documents by `_id`.
   */
  async search(
    readership: Readership,
    filter: SearchFilter,
    page: number,
    pageSize: number,
  ): Promise<Page<Bulletin>> {
    const view = readership === 'staff' ? 'latest' : 'public';
    // Equalities on top-level indexed fields first: FerretDB narrows by them in SQL (ADR 012).
    const base: Record<string, unknown> = {};
    if (readership === 'reader') base.status = 'published';
    else if (filter.status !== undefined) base.status = filter.status;
    if (readership === 'staff' && filter.awaitingReview !== undefined)
      base.awaitingReview = filter.awaitingReview;
    if (filter.fraudType !== undefined) base[`${view}FraudType`] = filter.fraudType;
    if (filter.audience !== undefined) base[`${view}Audiences`] = filter.audience;
    const rest: Record<string, unknown>[] = [];
    if (filter.from !== undefined || filter.to !== undefined) {
      rest.push({
        [`${view}CaseDate`]: {
          ...(filter.from === undefined ? {} : { $gte: filter.from }),
          ...(filter.to === undefined ? {} : { $lte: filter.to }),
        },
      });
    }
    if (filter.q !== undefined) {
      const text = textQuery(filter.q);
      if (text.terms.length === 0) return { items: [], total: 0 };
      for (const term of text.terms) rest.push({ [`${view}Text`]: { $regex: termPattern(term) } });
    }
    const at = `${view}At`;
    const hits = await this.model
      .find(withRest(base, rest) as QueryFilter<BulletinDoc>, { _id: 1, [at]: 1 })
      .lean<{ _id: Types.ObjectId; [key: string]: unknown }[]>();
    const ordered = hits
      .map((hit): [string, number] => {
        const when = hit[at];
        return [hit._id.toHexString(), when instanceof Date ? when.getTime() : 0];
      })
      .sort(([a, x], [b, y]) => y - x || (b > a ? 1 : b < a ? -1 : 0));
    const ids = ordered.slice((page - 1) * pageSize, page * pageSize).map(([id]) => id);
    return { items: await this.page(readership, ids), total: ordered.length };
  }

  /**
   * Ids of the bulletins that still carry the retired key arrays (ADR 039): an equality on the
   * marker every such document has (pushed down to SQL), so once they are all gone this is cheap.
   */
  async withRetiredKeys(): Promise<string[]> {
    const ids: string[] = [];
    for (const marker of [false, true]) {
      const docs = await this.model.collection
        .find({ [RETIRED_KEY_MARKER]: marker }, { projection: { _id: 1 } })
        .toArray();
      for (const d of docs) ids.push(String(d._id));
    }
    return ids;
  }

  /** Removes the retired key arrays from one bulletin (by exact `_id`; nothing else is touched). */
  async dropRetiredKeys(id: string): Promise<void> {
    await this.model.collection.updateOne(
      { _id: new Types.ObjectId(id) },
      { $unset: Object.fromEntries(RETIRED_KEY_FIELDS.map((f) => [f, ''])) },
    );
  }

  /** Names of the indexes over the retired key arrays that are still there (dropped last, ADR 039). */
  async retiredKeyIndexes(): Promise<string[]> {
    const retired = new Set(RETIRED_KEY_FIELDS);
    const indexes = IndexList.parse(await this.model.collection.listIndexes().toArray());
    return indexes
      .filter((ix) => Object.keys(ix.key).some((k) => retired.has(k)))
      .map((ix) => ix.name);
  }

  /** Drops the indexes over the retired key arrays that are still there; their names. */
  async dropRetiredKeyIndexes(): Promise<string[]> {
    const names = await this.retiredKeyIndexes();
    for (const name of names) await this.model.collection.dropIndex(name);
    return names;
  }

  /**
   * The bulletins `writerId` started or wrote into, latest change first: one equality on an
   * indexed top-level array (pushed down to SQL), ids and sort key only, then the page by `_id`.
   */
  async writtenBy(writerId: string, page: number, pageSize: number): Promise<Page<Bulletin>> {
    const hits = await this.model
      .find({ writers: writerId } as QueryFilter<BulletinDoc>, { _id: 1, updatedAt: 1 })
      .lean<{ _id: Types.ObjectId; updatedAt: string }[]>();
    hits.sort((a, b) => (b.updatedAt > a.updatedAt ? 1 : b.updatedAt < a.updatedAt ? -1 : 0));
    const docs = await Promise.all(
      hits
        .slice((page - 1) * pageSize, page * pageSize)
        .map((hit) => this.model.findOne({ _id: hit._id }, LIGHT).lean<StoredDoc>()),
    );
    const shown = docs.filter((d): d is StoredDoc => d !== null);
    return { items: shown.map(toBulletin), total: hits.length };
  }

  /** Published bulletins sharing a fraud type or an audience with a session: the candidates for its materials. */
  async publishedOverlapping(
    fraudTypes: string[],
    audiences: string[],
    limit: number,
  ): Promise<Bulletin[]> {
    const or: Record<string, unknown>[] = [];
    if (fraudTypes.length > 0) or.push({ publicFraudType: { $in: fraudTypes } });
    if (audiences.length > 0) or.push({ publicAudiences: { $in: audiences } });
    if (or.length === 0) return [];
    const docs = await this.model
      .find({ status: 'published', $or: or } as QueryFilter<BulletinDoc>, LIGHT)
      .sort({ publicAt: -1 })
      .limit(limit)
      .lean<StoredDoc[]>();
    return docs.map(toBulletin);
  }
}
