// The bulletin collection: one document per bulletin with its versions, history, search keys and outbox.
import type { Audience, FraudType } from '@lianxin/contracts';
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { Bulletin } from './bulletin.ts';

/** What a search filters and matches on, for one view of the bulletin (see ADR 015). */
export interface SearchKeys {
  fraudType: FraudType;
  audiences: Audience[];
  caseDate: string;
  /** Normalised title, summary and body: substring matching. */
  text: string;
  /** Character bigrams of `text`: indexed, so a text query is an index lookup where the backend can. */
  grams: string[];
  /** Sort key: when this view last changed (staff) or was published (readers). */
  at: Date;
}

export interface BulletinDoc extends Omit<Bulletin, 'id'>, OutboxFields {
  _id: Types.ObjectId;
  /** The newest version (pending, else published): what staff search. */
  latest: SearchKeys;
  /** The published version while the bulletin is published: what readers search; else null. */
  public: SearchKeys | null;
  /** True while a version waits for review. */
  awaitingReview: boolean;
}

const keysSchema = new Schema<SearchKeys>(
  {
    fraudType: { type: String, required: true },
    audiences: { type: [String], required: true },
    caseDate: { type: String, required: true },
    text: { type: String, required: true },
    grams: { type: [String], required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const bulletinSchema = new Schema<BulletinDoc>(
  {
    status: { type: String, required: true },
    versions: { type: Schema.Types.Mixed, required: true },
    publishedNumber: { type: Number, default: null },
    pendingNumber: { type: Number, default: null },
    revision: { type: Number, required: true },
    history: { type: Schema.Types.Mixed, required: true },
    retraction: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    latest: { type: keysSchema, required: true },
    public: { type: keysSchema, default: null },
    awaitingReview: { type: Boolean, required: true },
  },
  { versionKey: false, minimize: false },
);
bulletinSchema.plugin(outboxPlugin);
// serves: the staff list filtered by status, newest first
bulletinSchema.index({ status: 1, 'latest.at': -1 });
// serves: the reviewers' queue (awaitingReview=true)
bulletinSchema.index({ awaitingReview: 1, 'latest.at': -1 });
// serves: staff text search, one key per bigram (multikey)
bulletinSchema.index({ 'latest.grams': 1 });
// serves: readers' text search on the published version
bulletinSchema.index({ 'public.grams': 1 });
// serves: readers' list and session materials by fraud type, newest first
bulletinSchema.index({ 'public.fraudType': 1, 'public.at': -1 });
// serves: readers' list and session materials by audience (multikey), newest first
bulletinSchema.index({ 'public.audiences': 1, 'public.at': -1 });

export type BulletinModel = Model<BulletinDoc>;

export function bulletinModel(conn: Connection): BulletinModel {
  return conn.model<BulletinDoc>('Bulletin', bulletinSchema, 'bulletins');
}
