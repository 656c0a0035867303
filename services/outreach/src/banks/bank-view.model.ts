// The read model of partner banks and their liaisons, kept from lianxin.banks.v1 (one document per bank, one per liaison).
import { Schema, type Connection, type Model } from 'mongoose';
import type { BankType, PartnershipStatus } from '@lianxin/contracts';

export const BANK_VIEW = 'bank_view';
export const LIAISON_VIEW = 'liaison_view';

export interface BankView {
  _id: string;
  /** The bank aggregate's sequence last applied. */
  sequence: number;
  code: string;
  name: { zh: string; en: string | null };
  shortName: string;
  type: BankType;
  district: string;
  status: PartnershipStatus;
  suspension: { reason: string; suspendedAt: string } | null;
}

/** A liaison, as of the bank event that last touched them; `removed` keeps the tombstone ordered. */
export interface LiaisonView {
  _id: string;
  bankId: string;
  sequence: number;
  name: string | null;
  email: string | null;
  role: string | null;
  active: boolean;
  removed: boolean;
}

export function bankViewModel(conn: Connection): Model<BankView> {
  const schema = new Schema<BankView>(
    {
      _id: { type: String, required: true },
      sequence: { type: Number, required: true },
      code: String,
      name: { zh: String, en: String },
      shortName: String,
      type: String,
      district: String,
      status: String,
      suspension: { type: Schema.Types.Mixed, default: null },
    },
    { versionKey: false },
  );
  // serves the invitation check: which of these banks are active partners
  schema.index({ status: 1 });
  return (
    (conn.models.BankView as Model<BankView> | undefined) ??
    conn.model<BankView>('BankView', schema, BANK_VIEW)
  );
}

export function liaisonViewModel(conn: Connection): Model<LiaisonView> {
  const schema = new Schema<LiaisonView>(
    {
      _id: { type: String, required: true },
      bankId: { type: String, required: true },
      sequence: { type: Number, required: true },
      name: String,
      email: String,
      role: String,
      active: Boolean,
      removed: Boolean,
    },
    { versionKey: false },
  );
  // serves the demo and a bank's liaison list: liaisons of one bank
  schema.index({ bankId: 1 });
  return (
    (conn.models.LiaisonView as Model<LiaisonView> | undefined) ??
    conn.model<LiaisonView>('LiaisonView', schema, LIAISON_VIEW)
  );
}
