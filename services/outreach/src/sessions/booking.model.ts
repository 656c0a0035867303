// Time-slot books: one document per venue and per host officer, holding that resource's booked intervals.
import { Schema, type Connection, type Model } from 'mongoose';

export interface Booking {
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  /** When it was written: a booking whose session never got created is dropped after a grace period. */
  bookedAt: Date;
}

/**
 * `_id` is `venue:<normalised name|address>` or `officer:<user id>`. Every change is one
 * update conditioned on `rev`, so two schedulings that read the same free slot cannot both
 * write it: the second finds `rev` moved, re-reads, and sees the clash.
 */
export interface BookDoc {
  _id: string;
  rev: number;
  bookings: Booking[];
}

export function bookModel(conn: Connection): Model<BookDoc> {
  const schema = new Schema<BookDoc>(
    {
      _id: { type: String, required: true },
      rev: { type: Number, required: true, default: 0 },
      bookings: { type: Schema.Types.Mixed, default: [] },
    },
    { versionKey: false },
  );
  // Looked up by _id only (the venue or officer key): no secondary index.
  return (
    (conn.models.Book as Model<BookDoc> | undefined) ??
    conn.model<BookDoc>('Book', schema, 'slot_books')
  );
}
