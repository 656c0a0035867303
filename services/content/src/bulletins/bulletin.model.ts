// The bulletin collection: one document per bulletin with its versions, history, search keys and outbox.
import type { Audience, FraudType } from '@lianxin/contracts';
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { Bulletin } from './bulletin.ts';

/**
 * What a search filters and matches on, for one view of the bulletin (ADR 015). Top-level
 * fields, not a sub-document: FerretDB pushes an equality to PostgreSQL (and its GIN index)
 * only on a top-level field (ADR 012).
 */
export interface SearchKeys {
  fraudType: FraudType;
  audiences: Audience[];
  caseDate: string;
  /** Normalised title, summary and body: substring matching (the database search, ADR 039). */
  text: string;
  /** Sort key: when this view last changed (staff) or was published (readers). */
  at: Date;
}

type Prefixed<P extends string> = {
  [K in keyof SearchKeys as `${P}${Capitalize<K>}`]: SearchKeys[K];
};
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
// (Text search is the search index's, ADR 036/039: the bigram key arrays and their indexes are retired.)
// serves: the fraud-type filter (readers / staff)
bulletinSchema.index({ publicFraudType: 1 });
bulletinSchema.index({ latestFraudType: 1 });
// serves: the audience filter (multikey; readers / staff)
bulletinSchema.index({ publicAudiences: 1 });
bulletinSchema.index({ latestAudiences: 1 });

export type BulletinModel = Model<BulletinDoc>;

/**
 * The bigram key arrays documents carried before ADR 039 (ADR 015/020), and the marker every
 * such document has: `retire-search-keys.ts` removes them and their indexes.
 */
export const RETIRED_KEY_FIELDS = (['latest', 'public'] as const).flatMap((view) => [
  `${view}Grams`,
  `${view}Grams2`,
  `${view}Grams3`,
  `${view}Grams4`,
  `${view}GramsCapped`,
]);
export const RETIRED_KEY_MARKER = 'latestGramsCapped';

export function bulletinModel(conn: Connection): BulletinModel {
  return conn.model<BulletinDoc>('Bulletin', bulletinSchema, 'bulletins');
}
