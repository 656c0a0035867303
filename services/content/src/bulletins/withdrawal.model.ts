// Withdrawals: one small document per bulletin that stopped being readable, written before the bulletin, so a reader's search can correct a lagging index with one read (ADR 039).
import { Schema, Types, type Connection, type Model } from 'mongoose';

export interface WithdrawalDoc {
  /** The bulletin's id. */
  _id: Types.ObjectId;
  /** The highest revision a write that withdraws the bulletin was about to make (`$max`). */
  revision: number;
}

// No index but `_id`: a search reads the whole (small) collection, an upsert goes by `_id`.
const withdrawalSchema = new Schema<WithdrawalDoc>(
  { revision: { type: Number, required: true } },
  { versionKey: false },
);

export type WithdrawalModel = Model<WithdrawalDoc>;

export function withdrawalModel(conn: Connection): WithdrawalModel {
  return conn.model<WithdrawalDoc>('BulletinWithdrawal', withdrawalSchema, 'bulletin_withdrawals');
}
