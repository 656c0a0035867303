// The mongoose model of liaison contact reservations: one document per active liaison's mobile and email.
import { Schema, type Connection, type Model } from 'mongoose';

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

export function contactReservationModel(conn: Connection): Model<ContactReservation> {
  return (
    (conn.models.ContactReservation as Model<ContactReservation> | undefined) ??
    conn.model<ContactReservation>('ContactReservation', reservationSchema, 'liaison_contacts')
  );
}
