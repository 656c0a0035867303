// The session store: reads of the session aggregate and its writes, each one single-document update with its events.
import { withEvents } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import { sessionCancelled } from './session.events.ts';
import { toSnapshot } from './session.view.ts';
import type { SessionDoc } from './session.model.ts';

/** The ledger arrays and the outbox are large; most reads need neither. */
export const WITHOUT_LEDGER = { seatHolders: 0, queue: 0, outbox: 0 } as const;

export interface PendingCancellation {
  sessionId: string;
  cancelledBy: string;
}

export class SessionRepository {
  constructor(
    readonly model: Model<SessionDoc>,
    private readonly wake: () => void,
  ) {}

  findById(id: string): Promise<SessionDoc | null> {
    return this.model.findById(id).lean<SessionDoc>().exec();
  }

  /**
   * scheduled → cancelled, with `session.cancelled`, flagged so that its registrations are cancelled
   * in the background (ADR 010). False if it was no longer scheduled.
   */
  async markCancelled(
    current: SessionDoc,
    cancellation: NonNullable<SessionDoc['cancellation']>,
  ): Promise<boolean> {
    const event = sessionCancelled({
      ...toSnapshot(current),
      status: 'cancelled',
      cancellation: { ...cancellation, cancelledAt: cancellation.cancelledAt.toISOString() },
    });
    const res = await this.model.updateOne(
      { _id: current._id, status: 'scheduled' },
      withEvents({ $set: { status: 'cancelled', cancellation, cancellingRegistrations: true } }, [
        event,
      ]),
    );
    if (res.matchedCount !== 1) return false;
    this.wake();
    return true;
  }

  /** Cancelled sessions whose registrations are still being cancelled (an equality: index-served). */
  async pendingCancellations(): Promise<PendingCancellation[]> {
    const rows = await this.model
      .find({ cancellingRegistrations: true }, { _id: 1, cancellation: 1 })
      .lean<Pick<SessionDoc, '_id' | 'cancellation'>[]>()
      .exec();
    return rows.map((r) => ({
      sessionId: r._id,
      cancelledBy: r.cancellation?.cancelledBy ?? 'system',
    }));
  }

  /** Every registration of the session is cancelled: the background work is done (no event: no state a consumer sees). */
  async markRegistrationsCancelled(sessionId: string): Promise<void> {
    await this.model.updateOne({ _id: sessionId }, { $set: { cancellingRegistrations: false } });
  }
}
