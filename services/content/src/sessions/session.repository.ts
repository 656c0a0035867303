// The session read model's store: apply a snapshot if newer, read one session.
import { applyIfNewer } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import { SESSION_VIEW, type SessionViewDoc } from './session.model.ts';

export interface SessionView {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  audiences: string[];
  fraudTopics: string[];
}

export class SessionRepository {
  constructor(private readonly model: Model<SessionViewDoc>) {}

  /** One conditional update on sequence, or an insert under the unique _id (platform's applyIfNewer). */
  apply(
    id: string,
    sequence: number,
    fields: Omit<SessionViewDoc, '_id' | 'sequence'>,
  ): Promise<boolean> {
    return applyIfNewer(this.model.db, SESSION_VIEW, id, sequence, fields);
  }

  async get(id: string): Promise<SessionView | null> {
    const doc = await this.model.findOne({ _id: id }).lean<SessionViewDoc>();
    if (doc === null) return null;
    return {
      id: doc._id,
      title: doc.title,
      status: doc.status,
      startsAt: new Date(doc.startsAt),
      audiences: doc.audiences,
      fraudTopics: doc.fraudTopics,
    };
  }
}
