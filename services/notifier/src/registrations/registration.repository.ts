// The registration read model: projections by sequence, and who is registered for a session.
import { isDuplicateKey } from '@lianxin/platform/db';
import { applyIfNewer } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import { REGISTRATION_VIEWS, type RegistrationView } from './registration.model.ts';

export function registrationRepository(registrations: Model<RegistrationView>) {
  const conn = registrations.db;
  return {
    /**
     * Most events are a registration's first: insert first (by exact `_id`, which FerretDB on SQLite
     * serves from its index), and only for one already known the conditional update by sequence.
     */
    async apply(
      id: string,
      sequence: number,
      fields: Partial<Omit<RegistrationView, '_id' | 'sequence'>>,
    ): Promise<boolean> {
      try {
        await registrations.create({ ...fields, _id: id, sequence });
        return true;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      return applyIfNewer(conn, REGISTRATION_VIEWS, id, sequence, fields);
    },

    /**
     * Registrations that still hold (confirmed or waitlisted). With `includeSessionCancelled`, also
     * those outreach cancelled because the session was (their events may arrive before the session's).
     */
    async registeredFor(
      sessionId: string,
      opts: { includeSessionCancelled: boolean },
    ): Promise<RegistrationView[]> {
      const docs = await registrations.find({ sessionId }).lean<RegistrationView[]>();
      return docs.filter(
        (r) =>
          r.status === 'confirmed' ||
          r.status === 'waitlisted' ||
          (opts.includeSessionCancelled && r.cancelReason === 'session_cancelled'),
      );
    },

    async get(id: string): Promise<RegistrationView | null> {
      return registrations.findById(id).lean<RegistrationView>();
    },

    async ofSessions(sessionIds: readonly string[]): Promise<RegistrationView[]> {
      return registrations.find({ sessionId: { $in: sessionIds } }).lean<RegistrationView[]>();
    },
  };
}

export type RegistrationRepository = ReturnType<typeof registrationRepository>;
