// The registration read model: projections by sequence, and who is registered for a session.
import { applyIfNewer } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import { REGISTRATION_VIEWS, type RegistrationView } from './registration.model.ts';

export function registrationRepository(registrations: Model<RegistrationView>) {
  const conn = registrations.db;
  return {
    apply: (
      id: string,
      sequence: number,
      fields: Partial<Omit<RegistrationView, '_id' | 'sequence'>>,
    ) => applyIfNewer(conn, REGISTRATION_VIEWS, id, sequence, fields),

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
