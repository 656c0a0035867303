// Withdrawals: a numbered log of bulletins that stopped being readable, and its head counter, written before the bulletin, so a reader's search reads only what is new (ADR 039, 044).
import { Schema, Types, type Connection, type Model } from 'mongoose';

export interface WithdrawalDoc {
  /** The withdrawal's number: 1, 2, 3 … as handed out by the head (`$inc`). */
  _id: number;
  /** The bulletin withdrawn; absent on a voided number. */
  bulletinId?: Types.ObjectId;
  /** The revision the withdrawing write was about to make. */
  revision?: number;
  /** A number whose writer never wrote it, voided by a reader so no late writer can use it (ADR 044). */
  void?: boolean;
}

export interface WithdrawalHeadDoc {
  /** Always `head`: the one document. */
  _id: string;
  /** The last number handed out. */
  last: number;
}

// No index but `_id`: every read is by exact number (pushed down to SQL), or the whole log once per process.
const withdrawalSchema = new Schema<WithdrawalDoc>(
  {
    _id: { type: Number, required: true },
    bulletinId: { type: Schema.Types.ObjectId },
    revision: { type: Number },
    void: { type: Boolean },
  },
  { versionKey: false },
);

// One document, read and bumped by exact `_id`.
const headSchema = new Schema<WithdrawalHeadDoc>(
  { _id: { type: String, required: true }, last: { type: Number, required: true } },
  { versionKey: false },
);

export type WithdrawalModel = Model<WithdrawalDoc>;
export type WithdrawalHeadModel = Model<WithdrawalHeadDoc>;

export interface WithdrawalModels {
  log: WithdrawalModel;
  head: WithdrawalHeadModel;
}

export function withdrawalModels(conn: Connection): WithdrawalModels {
  return {
    log: conn.model<WithdrawalDoc>(
      'BulletinWithdrawal',
      withdrawalSchema,
      'bulletin_withdrawal_log',
    ),
    head: conn.model<WithdrawalHeadDoc>(
      'BulletinWithdrawalHead',
      headSchema,
      'bulletin_withdrawal_head',
    ),
  };
}
