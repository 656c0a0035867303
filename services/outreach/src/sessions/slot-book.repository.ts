// The slot-book store: race-free venue and officer bookings, each book one document changed only by an update conditioned on its revision.
import { isDuplicateKey } from '@lianxin/platform/db';
import type { Model } from 'mongoose';
import type { SessionDoc } from './session.model.ts';
import type { BookDoc, Booking } from './booking.model.ts';
import { overlaps } from './session.rules.ts';

/** A booking whose session document does not exist after this long was left by a crash. */
const ORPHAN_GRACE_MS = 60_000;
const MAX_ATTEMPTS = 50;

export type Reservation = { ok: true } | { ok: false; clash: Booking };

export interface SlotBookStore {
  /** Books `[startsAt, endsAt)` for `sessionId` on `key` (replacing its earlier booking there), unless another session overlaps. */
  reserve(
    key: string,
    sessionId: string,
    startsAt: Date,
    endsAt: Date,
    now: Date,
  ): Promise<Reservation>;
  /** Removes `sessionId`'s booking from `key`; a no-op if there is none. */
  release(key: string, sessionId: string): Promise<void>;
}

export type SlotBooks = SlotBookStore & {
  /** The title of the session holding a booking (for the conflict message). */
  titleOf(sessionId: string): Promise<string | null>;
  /**
   * Read only: the bookings of live sessions on `key` that overlap `[startsAt, endsAt)`, other
   * than `exceptSessionId`'s — what `reserve` would clash with now (a form's conflicts as you type).
   */
  overlapping(
    key: string,
    startsAt: Date,
    endsAt: Date,
    now: Date,
    exceptSessionId?: string,
  ): Promise<Booking[]>;
};

export function slotBooks(books: Model<BookDoc>, sessions: Model<SessionDoc>): SlotBooks {
  async function read(key: string): Promise<BookDoc> {
    for (;;) {
      const doc = await books.findById(key).lean<BookDoc>();
      if (doc) return doc;
      try {
        await books.create({ _id: key, rev: 0, bookings: [] });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /** One write, only if nobody wrote the book since we read it. */
  async function write(doc: BookDoc, bookings: Booking[]): Promise<boolean> {
    const res = await books.updateOne(
      { _id: doc._id, rev: doc.rev },
      { $set: { bookings }, $inc: { rev: 1 } },
    );
    return res.matchedCount === 1;
  }

  async function isOrphan(booking: Booking, now: Date): Promise<boolean> {
    if (now.getTime() - new Date(booking.bookedAt).getTime() < ORPHAN_GRACE_MS) return false;
    const live = await sessions.countDocuments({
      _id: booking.sessionId,
      status: { $ne: 'cancelled' },
    });
    return live === 0;
  }

  return {
    async titleOf(sessionId) {
      const doc = await sessions.findById(sessionId, { title: 1 }).lean<{ title: string }>();
      return doc?.title ?? null;
    },
    async overlapping(key, startsAt, endsAt, now, exceptSessionId) {
      const doc = await books.findById(key).lean<BookDoc>();
      const found: Booking[] = [];
      for (const b of doc?.bookings ?? []) {
        if (b.sessionId === exceptSessionId) continue;
        const booking = { ...b, startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) };
        if (overlaps(booking, { startsAt, endsAt }) && !(await isOrphan(booking, now)))
          found.push(booking);
      }
      return found.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    },
    async reserve(key, sessionId, startsAt, endsAt, now) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const doc = await read(key);
        const others: Booking[] = [];
        let clash: Booking | undefined;
        for (const b of doc.bookings) {
          if (b.sessionId === sessionId) continue;
          const booking = { ...b, startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) };
          if (
            clash === undefined &&
            overlaps(booking, { startsAt, endsAt }) &&
            !(await isOrphan(booking, now))
          ) {
            clash = booking;
          }
          // An overlapping orphan is dropped by this very write.
          if (!overlaps(booking, { startsAt, endsAt })) others.push(booking);
        }
        if (clash !== undefined) return { ok: false, clash };
        if (await write(doc, [...others, { sessionId, startsAt, endsAt, bookedAt: now }]))
          return { ok: true };
      }
      throw new Error(`slot book ${key}: too much contention`);
    },
    async release(key, sessionId) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const doc = await books.findById(key).lean<BookDoc>();
        if (!doc || !doc.bookings.some((b) => b.sessionId === sessionId)) return;
        if (
          await write(
            doc,
            doc.bookings.filter((b) => b.sessionId !== sessionId),
          )
        )
          return;
      }
      throw new Error(`slot book ${key}: too much contention`);
    },
  };
}
