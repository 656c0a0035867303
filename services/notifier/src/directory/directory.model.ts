// The notifier's read model of partner banks and their liaisons, kept from lianxin.banks.v1.
import { Schema, type Connection, type Model } from 'mongoose';

export interface BankView {
  _id: string;
  sequence: number;
  shortName: string;
  name: { zh: string; en: string | null };
  status: 'active' | 'suspended';
}

export interface LiaisonView {
  _id: string;
  sequence: number;
  bankId: string;
  name: string | null;
  email: string | null;
  active: boolean;
  removed: boolean;
}

export const BANK_VIEWS = 'bank_views';
export const LIAISON_VIEWS = 'liaison_views';

const bankSchema = new Schema<BankView>(
  {
    _id: String,
    sequence: Number,
    shortName: String,
    name: { zh: String, en: { type: String, default: null } },
    status: String,
  },
  { collection: BANK_VIEWS, versionKey: false },
);

const liaisonSchema = new Schema<LiaisonView>(
  {
    _id: String,
    sequence: Number,
    bankId: String,
    name: { type: String, default: null },
    email: { type: String, default: null },
    active: Boolean,
    removed: Boolean,
  },
  { collection: LIAISON_VIEWS, versionKey: false },
);
// Invitations: the liaisons of the invited banks.
liaisonSchema.index({ bankId: 1 });

export function bankViewModel(conn: Connection): Model<BankView> {
  return conn.model<BankView>('BankView', bankSchema);
}

export function liaisonViewModel(conn: Connection): Model<LiaisonView> {
  return conn.model<LiaisonView>('LiaisonView', liaisonSchema);
}
