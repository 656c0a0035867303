// Mongoose models of the banks service: the bank aggregate (branches and liaisons inside) and contact reservations.
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

/**
 * Mobile numbers and emails are unique among active liaisons of all banks. A unique index on
 * an array inside many bank documents is not something FerretDB offers, so each active
 * liaison's mobile and email hold a reservation document keyed by the value itself.
 */
export interface ContactReservation {
  _id: string; // `mobile:13800000000` or `email:a@b.example.com`
  bankId: string;
  liaisonId: string;
  at: string;
}

const reservationSchema = new Schema<ContactReservation>(
  {
    _id: { type: String, required: true },
    bankId: { type: String, required: true },
    liaisonId: { type: String, required: true },
    at: { type: String, required: true },
  },
  { versionKey: false },
);
// serves: releasing a liaison's reservations when it is removed or its contact changes
reservationSchema.index({ liaisonId: 1 });

export interface BankModels {
  banks: Model<BankDoc>;
  reservations: Model<ContactReservation>;
}

export function bankModels(conn: Connection): BankModels {
  return {
    banks:
      (conn.models.Bank as Model<BankDoc> | undefined) ??
      conn.model<BankDoc>('Bank', bankSchema, 'banks'),
    reservations:
      (conn.models.ContactReservation as Model<ContactReservation> | undefined) ??
      conn.model<ContactReservation>('ContactReservation', reservationSchema, 'liaison_contacts'),
  };
}
