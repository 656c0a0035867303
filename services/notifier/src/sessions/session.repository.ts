// The session and opinion read models: projections by sequence, and the reads the emails and the digest need.
import { applyIfNewer } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import {
  OPINION_VIEWS,
  SESSION_VIEWS,
  type OpinionView,
  type SessionView,
} from './session.model.ts';

export function sessionRepository(sessions: Model<SessionView>, opinions: Model<OpinionView>) {
  const conn = sessions.db;
  return {
    /** Applies a snapshot if newer; a reschedule also counts one more revision of the calendar entry. */
    apply(
      id: string,
      sequence: number,
      fields: Omit<SessionView, '_id' | 'sequence' | 'revision'>,
      opts: { rescheduled: boolean },
    ): Promise<boolean> {
      return applyIfNewer(
        conn,
        SESSION_VIEWS,
        id,
        sequence,
        fields,
        opts.rescheduled ? { revision: 1 } : {},
      );
    },

    async get(id: string): Promise<SessionView | null> {
      return sessions.findById(id).lean<SessionView>();
    },

    applyOpinion: (id: string, sequence: number, fields: Omit<OpinionView, '_id' | 'sequence'>) =>
      applyIfNewer(conn, OPINION_VIEWS, id, sequence, fields),

    /** Sessions held (completed) that started within [from, to). */
    async heldBetween(from: Date, to: Date): Promise<SessionView[]> {
      const docs = await sessions.find({ status: 'completed' }).lean<SessionView[]>();
      return docs
        .filter((s) => s.startsAt >= from.toISOString() && s.startsAt < to.toISOString())
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },

    async openOpinions(): Promise<OpinionView[]> {
      const docs = await opinions
        .find({ status: { $in: ['open', 'in_progress'] } })
        .lean<OpinionView[]>();
      return docs.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
