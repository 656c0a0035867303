// The mongoose model of the bank aggregate: branches and liaisons inside, pending events in its outbox.
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, Types, type Connection, type Model } from 'mongoose';

export interface BankDoc extends OutboxFields {
  _id: Types.ObjectId;
  code: string;
  name: { zh: string; en: string | null };
  shortName: string;
  type: string;
  district: string;
  address: string;
  status: string;
  suspension: { reason: string; suspendedAt: string } | null;
  partnerSince: string | null;
  notes: string | null;
  branches: { id: string; name: string; address: string; phone: string | null }[];
  liaisons: {
    id: string;
    name: string;
    mobile: string;
    email: string;
    title: string | null;
    role: string;
    active: boolean;
    addedAt: string;
    removedAt: string | null;
  }[];
  createdAt: string;
  updatedAt: string;
}

const bankSchema = new Schema<BankDoc>(
  {
    code: { type: String, required: true },
    name: { zh: { type: String, required: true }, en: { type: String, default: null } },
    shortName: { type: String, required: true },
    type: { type: String, required: true },
    district: { type: String, required: true },
    address: { type: String, required: true },
    status: { type: String, required: true },
    suspension: { type: Schema.Types.Mixed, default: null },
    partnerSince: { type: String, default: null },
    notes: { type: String, default: null },
    branches: { type: Schema.Types.Mixed, default: [] },
    liaisons: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
bankSchema.plugin(outboxPlugin);
// serves: one bank per code (409 DUPLICATE_BANK_CODE), and the list's stable order by code
bankSchema.index({ code: 1 }, { unique: true });
// serves: the list's filters by status, type and district, ordered by code
bankSchema.index({ status: 1, type: 1, district: 1, code: 1 });

/** The bank aggregate's model on `conn` (created once per connection). */
export function bankModel(conn: Connection): Model<BankDoc> {
  return (
    (conn.models.Bank as Model<BankDoc> | undefined) ??
    conn.model<BankDoc>('Bank', bankSchema, 'banks')
  );
}
