// The bulletin store: reads by who is reading (staff see drafts, readers only what is published) and writes with their events.
import { withEvents, type PendingEvent } from '@lianxin/platform/messaging';
import { Types, type QueryFilter } from 'mongoose';
import { versionOf, type Bulletin, type BulletinVersion } from './bulletin.ts';
import type { BulletinDoc, BulletinModel, SearchKeys } from './bulletin.model.ts';
import { bigramsOf, normaliseText, termPattern, textQuery } from './search.rules.ts';

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

function keysOf(version: BulletinVersion, at: string): SearchKeys {
  const c = version.content;
  const text = normaliseText([c.title, c.summary, c.body].join('\n'));
  return {
    fraudType: c.fraudType,
    audiences: c.audiences,
    caseDate: c.caseDate,
    text,
    grams: bigramsOf(text),
    at: new Date(at),
  };
}

function prefixed(prefix: 'latest' | 'public', keys: SearchKeys | null) {
  return {
    [`${prefix}FraudType`]: keys?.fraudType ?? null,
    [`${prefix}Audiences`]: keys?.audiences ?? [],
    [`${prefix}CaseDate`]: keys?.caseDate ?? null,
    [`${prefix}Text`]: keys?.text ?? null,
    [`${prefix}Grams`]: keys?.grams ?? [],
    [`${prefix}At`]: keys?.at ?? null,
  };
}

/** The stored form: the aggregate plus the search keys derived from it (never written on their own). */
function stateOf(b: Bulletin): Record<string, unknown> {
  const published = versionOf(b, b.publishedNumber);
  const latest = versionOf(b, b.pendingNumber) ?? published ?? b.versions.at(-1);
  if (latest === undefined) throw new Error(`bulletin ${b.id} has no version`);
  const { id: _id, ...fields } = b;
  const readable = b.status === 'published' && published !== null;
  return {
    ...fields,
    ...prefixed('latest', keysOf(latest, b.updatedAt)),
    ...prefixed(
      'public',
      readable ? keysOf(published, published.publishedAt ?? b.updatedAt) : null,
    ),
    awaitingReview: versionOf(b, b.pendingNumber)?.state === 'in_review',
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

const LIGHT = {
  history: 0,
  'latest.text': 0,
  'latest.grams': 0,
  'public.text': 0,
  'public.grams': 0,
  outbox: 0,
};

export class BulletinRepository {
  constructor(
    private readonly model: BulletinModel,
    /** Called after every write that appended events (wakes the outbox relay). */
    private readonly afterWrite: () => void = () => undefined,
    /** `bigramKeys: false` matches text by substring scan alone: only to measure the difference (ADR 015). */
    private readonly options: { bigramKeys: boolean } = { bigramKeys: true },
  ) {}

  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  async insert(bulletin: Bulletin): Promise<Bulletin> {
    // A draft emits nothing, so its outbox starts empty: version 0, and sequences start at the first publication.
    await this.model.create({
      _id: new Types.ObjectId(bulletin.id),
      ...stateOf(bulletin),
      version: 0,
      outbox: [],
      outboxCount: 0,
      outboxLeaseOwner: null,
      outboxLeaseUntil: null,
    });
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
    const set = { $set: stateOf(next) };
    const update = events.length > 0 ? withEvents(set, events) : set;
    const res = await this.model.updateOne(
      { _id: new Types.ObjectId(previous.id), revision: previous.revision },
      update,
    );
    if (res.matchedCount === 0) return null;
    if (events.length > 0) this.afterWrite();
    return next;
  }

  async search(
    readership: Readership,
    filter: SearchFilter,
    page: number,
    pageSize: number,
  ): Promise<Page<Bulletin>> {
    const view = readership === 'staff' ? 'latest' : 'public';
    // Equalities on top-level indexed fields first: FerretDB narrows by them in SQL (ADR 012).
    const query: Record<string, unknown> = {};
    if (readership === 'reader') query.status = 'published';
    else if (filter.status !== undefined) query.status = filter.status;
    if (readership === 'staff' && filter.awaitingReview !== undefined)
      query.awaitingReview = filter.awaitingReview;
    if (filter.fraudType !== undefined) query[`${view}FraudType`] = filter.fraudType;
    if (filter.audience !== undefined) query[`${view}Audiences`] = filter.audience;
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
      // One bigram as an equality (index-served); all of them and the substrings decide.
      const lead = this.options.bigramKeys ? text.lead : null;
      if (lead !== null) query[`${view}Grams`] = lead;
      if (this.options.bigramKeys && text.grams.length > 1)
        rest.push({ [`${view}Grams`]: { $all: text.grams } });
      for (const term of text.terms) rest.push({ [`${view}Text`]: { $regex: termPattern(term) } });
    }
    if (rest.length > 0) query.$and = rest;
    const [docs, total] = await Promise.all([
      this.model
        .find(query as QueryFilter<BulletinDoc>, LIGHT)
        .sort({ [`${view}At`]: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<StoredDoc[]>(),
      this.model.countDocuments(query as QueryFilter<BulletinDoc>),
    ]);
    return { items: docs.map(toBulletin), total };
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
