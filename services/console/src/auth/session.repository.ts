// The server-side sessions: looked up by the hash of the cookie's secret (an exact `_id`), removed on sign-out.
import type { Models } from '../shared/models.ts';
import type { SessionDoc } from './session.model.ts';

export interface Session {
  accountId: string;
  csrfToken: string;
  expiresAt: Date;
}

export class SessionRepository {
  constructor(private readonly models: Models) {}

  async create(hash: string, session: Session, now: Date): Promise<void> {
    await this.models.sessions.create({ _id: hash, ...session, createdAt: now });
  }

  /** The live session of `hash`; an expired one is removed and not returned. */
  async find(hash: string, now: Date): Promise<Session | null> {
    const doc = await this.models.sessions.findById(hash).lean<SessionDoc>();
    if (doc === null) return null;
    if (doc.expiresAt.getTime() <= now.getTime()) {
      await this.models.sessions.deleteOne({ _id: hash });
      return null;
    }
    return { accountId: doc.accountId, csrfToken: doc.csrfToken, expiresAt: doc.expiresAt };
  }

  async remove(hash: string): Promise<void> {
    await this.models.sessions.deleteOne({ _id: hash });
  }

  /** Every session of the account (sign-out everywhere, deactivation); returns how many. */
  async removeAll(accountId: string): Promise<number> {
    const res = await this.models.sessions.deleteMany({ accountId });
    return res.deletedCount;
  }
}
