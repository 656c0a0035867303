// The bulletin collection: one document per bulletin with its versions, history, search keys and outbox.
import type { Audience, FraudType } from '@lianxin/contracts';
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { Bulletin } from './bulletin.ts';
import { gramField, KEY_FIELDS } from './search.rules.ts';

/**
 * What a search filters and matches on, for one view of the bulletin (ADR 015). Top-level
 * fields, not a sub-document: FerretDB pushes an equality to PostgreSQL (and its GIN index)
 * only on a top-level field (ADR 012).
 */
export interface SearchKeys {
  fraudType: FraudType;
  audiences: Audience[];
  caseDate: string;
  /** Normalised title, summary and body: substring matching. */
  text: string;
  /**
   * Character bigrams of `text`, in KEY_FIELDS indexed arrays of at most MAX_KEY_GRAMS (stored as
   * `Grams`, `Grams2`…): one equality on a bigram per array narrows a text query.
   */
  gramChunks: string[][];
  /** The text has more bigrams than are kept: text searches scan these bulletins too. */
  gramsCapped: boolean;
  /** Sort key: when this view last changed (staff) or was published (readers). */
  at: Date;
}

type Prefixed<P extends string> = {
  [K in Exclude<keyof SearchKeys, 'gramChunks'> as `${P}${Capitalize<K>}`]: SearchKeys[K];
} & { [K in `${P}Grams` | `${P}Grams${2 | 3 | 4}`]: string[] };
type Nullable<T> = { [K in keyof T]: T[K] | null };

export interface BulletinDoc
  extends Omit<Bulletin, 'id'>, OutboxFields, Prefixed<'latest'>, Nullable<Prefixed<'public'>> {
  _id: Types.ObjectId;
  /** True while a version waits for review. */
  awaitingReview: boolean;
  /** Who started or wrote into any version (`writersOf`); absent on documents not written since. */
  writers?: string[];
}

const keyFields = (prefix: 'latest' | 'public', required: boolean) => ({
  [`${prefix}FraudType`]: { type: String, default: null, required },
  [`${prefix}Audiences`]: { type: [String], default: [] },
  [`${prefix}CaseDate`]: { type: String, default: null, required },
  [`${prefix}Text`]: { type: String, default: null, required },
  ...Object.fromEntries(
    Array.from({ length: KEY_FIELDS }, (_, i) => [
      gramField(prefix, i),
      { type: [String], default: [] },
    ]),
  ),
  [`${prefix}GramsCapped`]: { type: Boolean, default: false },
  [`${prefix}At`]: { type: Date, default: null, required },
});

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
    ...keyFields('latest', true),
    ...keyFields('public', false),
    awaitingReview: { type: Boolean, required: true },
    writers: { type: [String], default: undefined },
  },
  { versionKey: false, minimize: false },
);
bulletinSchema.plugin(outboxPlugin);
// serves: every reader query and the materials (status=published), and the staff status filter
bulletinSchema.index({ status: 1, publicAt: -1 });
// serves: the reviewers' queue (awaitingReview=true)
bulletinSchema.index({ awaitingReview: 1 });
// serves: an officer's own bulletins (writers=<id>; multikey; ADR 034)
bulletinSchema.index({ writers: 1 });
// serves: text search (staff: latest, readers: public): an equality on one bigram of the query
// per key array (multikey; ADR 020)
for (const view of ['latest', 'public'] as const) {
  for (let i = 0; i < KEY_FIELDS; i++) bulletinSchema.index({ [gramField(view, i)]: 1 });
}
// serves: the second pass of a text search, over the few bulletins whose keys are capped
bulletinSchema.index({ latestGramsCapped: 1 });
bulletinSchema.index({ publicGramsCapped: 1 });
// serves: the fraud-type filter (readers / staff)
bulletinSchema.index({ publicFraudType: 1 });
bulletinSchema.index({ latestFraudType: 1 });
// serves: the audience filter (multikey; readers / staff)
bulletinSchema.index({ publicAudiences: 1 });
bulletinSchema.index({ latestAudiences: 1 });

export type BulletinModel = Model<BulletinDoc>;

export function bulletinModel(conn: Connection): BulletinModel {
  return conn.model<BulletinDoc>('Bulletin', bulletinSchema, 'bulletins');
}
