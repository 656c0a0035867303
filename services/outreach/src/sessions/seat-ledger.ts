// Seat accounting on the session document: every decision is ONE conditional update of it (docs/adr/006-seat-accounting.md).
import type { WaitlistReason } from '@lianxin/contracts';
import type { Model } from 'mongoose';
import type { SeatFields, SessionDoc } from './session.model.ts';

export const entryOf = (registrationId: string, bankId: string): string =>
  `${registrationId}:${bankId}`;

function parseEntry(entry: string): { registrationId: string; bankId: string } {
  const [registrationId = '', bankId = ''] = entry.split(':');
  return { registrationId, bankId };
}

export interface Promotion {
  registrationId: string;
  bankId: string;
}

type SeatState = SeatFields & { capacity: number; perBankQuota: number | null };

/** The waiters that may take a seat now, earliest first: while seats are free, each whose bank is under quota. */
export function planPromotions(state: SeatState): Promotion[] {
  let free = state.capacity - state.confirmedCount;
  const counts = { ...state.bankConfirmed };
  const out: Promotion[] = [];
  for (const entry of state.queue) {
    if (free <= 0) break;
    const p = parseEntry(entry);
    const held = counts[p.bankId] ?? 0;
    if (state.perBankQuota !== null && held >= state.perBankQuota) continue;
    counts[p.bankId] = held + 1;
    free -= 1;
    out.push(p);
  }
  return out;
}

export type ResizePlan =
  | {
      ok: true;
      promotions: Promotion[];
      /** The seat part of the session's update: written with the edit, in one write. */
      set: Record<string, unknown>;
      inc: Record<string, number>;
      pullAll: Record<string, string[]>;
    }
  | { ok: false; confirmed: number; maxPerBank: number };

/**
 * A new capacity or quota on the ledger `s` was read with (never below what is confirmed), and the
 * waiters it makes eligible seated: the update to write together with the edit, conditioned on
 * `s.seatRev` so that no seat changes hands in between.
 */
export function planResize(
  s: SeatState,
  capacity: number,
  perBankQuota: number | null,
): ResizePlan {
  const maxPerBank = Math.max(0, ...Object.values(s.bankConfirmed));
  if (capacity < s.confirmedCount || (perBankQuota !== null && perBankQuota < maxPerBank)) {
    return { ok: false, confirmed: s.confirmedCount, maxPerBank };
  }
  const promotions = planPromotions({ ...s, capacity, perBankQuota });
  const inc: Record<string, number> = { seatRev: 1 };
  if (promotions.length > 0) {
    inc.queueLen = -promotions.length;
    inc.confirmedCount = promotions.length;
    for (const p of promotions) {
      const key = `bankConfirmed.${p.bankId}`;
      inc[key] = (inc[key] ?? 0) + 1;
    }
  }
  return {
    ok: true,
    promotions,
    set: {
      capacity,
      perBankQuota,
      seatHolders: [...s.seatHolders, ...promotions.map((p) => p.registrationId)],
    },
    inc,
    pullAll:
      promotions.length > 0
        ? { queue: promotions.map((p) => entryOf(p.registrationId, p.bankId)) }
        : {},
  };
}

/** What a seat decision needs to know of the session (no ledger arrays: they are large). */
export type SeatLimits = Pick<
  SessionDoc,
  'status' | 'capacity' | 'perBankQuota' | 'confirmedCount' | 'bankConfirmed'
>;

export type SeatOutcome =
  | { kind: 'seat' }
  | { kind: 'queued'; position: number; reason: WaitlistReason }
  | { kind: 'closed' };

const MAX_ATTEMPTS = 200;

function waitReason(s: SeatState): WaitlistReason {
  return s.confirmedCount >= s.capacity ? 'capacity' : 'bank_quota';
}

async function pause(attempt: number): Promise<void> {
  if (attempt < 3) return;
  await new Promise((r) => setTimeout(r, Math.random() * Math.min(20, attempt)));
}

export function seatLedger(sessions: Model<SessionDoc>) {
  const read = (id: string) => sessions.findById(id).lean<SessionDoc>();

  /** Applies `promotions` together with `change`, only if no seat or queue changed since `s` was read. */
  async function writeIfUnchanged(
    s: SessionDoc,
    holders: string[],
    promotions: Promotion[],
    inc: Record<string, number>,
    extraFilter: Record<string, unknown> = {},
    set: Record<string, unknown> = {},
  ): Promise<boolean> {
    const totals: Record<string, number> = { ...inc, seatRev: 1 };
    if (promotions.length > 0) totals.queueLen = (totals.queueLen ?? 0) - promotions.length;
    for (const p of promotions) {
      const key = `bankConfirmed.${p.bankId}`;
      totals[key] = (totals[key] ?? 0) + 1;
      totals.confirmedCount = (totals.confirmedCount ?? 0) + 1;
    }
    const update: Record<string, unknown> = {
      $set: { ...set, seatHolders: [...holders, ...promotions.map((p) => p.registrationId)] },
      $inc: totals,
    };
    if (promotions.length > 0) {
      update.$pullAll = { queue: promotions.map((p) => entryOf(p.registrationId, p.bankId)) };
    }
    const res = await sessions.updateOne(
      { _id: s._id, seatRev: s.seatRev, ...extraFilter },
      update,
    );
    return res.matchedCount === 1;
  }

  return {
    read,

    /**
     * Takes a seat for the registration if one is free and its bank is under quota, else puts it
     * at the end of the queue — each step one conditional update, idempotent by registration id.
     * A waiter is only ever queued while it could not take a seat, and every release promotes in
     * the same write, so no waiter is eligible at rest and a newcomer never jumps the queue.
     */
    async claimOrEnqueue(
      sessionId: string,
      registrationId: string,
      bankId: string,
      /** The session as the caller just read it: saves the first read (the document is large). */
      known?: SeatLimits,
    ): Promise<SeatOutcome> {
      const entry = entryOf(registrationId, bankId);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const fresh = attempt === 0 && known !== undefined ? undefined : await read(sessionId);
        const s: SeatLimits | null = fresh ?? (attempt === 0 && known !== undefined ? known : null);
        if (!s || s.status !== 'scheduled') return { kind: 'closed' };
        if (fresh) {
          if (fresh.seatHolders.includes(registrationId)) return { kind: 'seat' };
          const at = fresh.queue.indexOf(entry);
          if (at >= 0) return { kind: 'queued', position: at + 1, reason: waitReason(fresh) };
        }
        const bankKey = `bankConfirmed.${bankId}`;
        const same = {
          _id: sessionId,
          status: 'scheduled' as const,
          capacity: s.capacity,
          perBankQuota: s.perBankQuota,
          seatHolders: { $ne: registrationId },
          queue: { $ne: entry },
        };
        // Try the seat first only if the state we read had one for this bank: when the forum is
        // full, most requests go straight to the queue (each write costs the whole document).
        const seatLikely =
          s.confirmedCount < s.capacity &&
          (s.perBankQuota === null || (s.bankConfirmed[bankId] ?? 0) < s.perBankQuota);
        if (seatLikely || attempt % 2 === 1) {
          const claim = await sessions.updateOne(
            {
              ...same,
              confirmedCount: { $lt: s.capacity },
              ...(s.perBankQuota === null ? {} : { [bankKey]: { $lt: s.perBankQuota } }),
            },
            {
              $push: { seatHolders: registrationId },
              $inc: { confirmedCount: 1, [bankKey]: 1, seatRev: 1 },
            },
          );
          if (claim.matchedCount === 1) return { kind: 'seat' };
        }
        const full = [{ confirmedCount: { $gte: s.capacity } }];
        const queued = await sessions
          .findOneAndUpdate(
            {
              ...same,
              $or:
                s.perBankQuota === null ? full : [...full, { [bankKey]: { $gte: s.perBankQuota } }],
            },
            { $push: { queue: entry }, $inc: { seatRev: 1, queueLen: 1 } },
            // No projection: FerretDB 1.24 does not implement `fields` on findAndModify.
            { returnDocument: 'after' },
          )
          .lean<Pick<SessionDoc, 'queueLen' | 'confirmedCount' | 'capacity'>>();
        if (queued) {
          // Appended at the end: its place is the queue's length right after this write.
          const reason = queued.confirmedCount >= queued.capacity ? 'capacity' : 'bank_quota';
          return { kind: 'queued', position: queued.queueLen, reason };
        }
        await pause(attempt);
      }
      throw new Error(
        `seat ledger: no decision for registration ${registrationId} after ${MAX_ATTEMPTS} attempts`,
      );
    },

    /**
     * Gives back the registration's seat (or its place in the queue) and, in the same write,
     * seats the earliest eligible waiters. Returns who was promoted.
     */
    async release(sessionId: string, registrationId: string, bankId: string): Promise<Promotion[]> {
      const entry = entryOf(registrationId, bankId);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const s = await read(sessionId);
        if (!s) return [];
        if (s.seatHolders.includes(registrationId)) {
          const holders = s.seatHolders.filter((id) => id !== registrationId);
          const bankKey = `bankConfirmed.${bankId}`;
          const after = {
            ...s,
            seatHolders: holders,
            confirmedCount: s.confirmedCount - 1,
            bankConfirmed: { ...s.bankConfirmed, [bankId]: (s.bankConfirmed[bankId] ?? 1) - 1 },
          };
          const promotions = s.status === 'scheduled' ? planPromotions(after) : [];
          const inc = { confirmedCount: -1, [bankKey]: -1 };
          if (await writeIfUnchanged(s, holders, promotions, inc, { seatHolders: registrationId }))
            return promotions;
        } else if (s.queue.includes(entry)) {
          const res = await sessions.updateOne(
            { _id: sessionId, seatRev: s.seatRev },
            { $pullAll: { queue: [entry] }, $inc: { seatRev: 1, queueLen: -1 } },
          );
          if (res.matchedCount === 1) return [];
        } else {
          return [];
        }
        await pause(attempt);
      }
      throw new Error(`seat ledger: could not release registration ${registrationId}`);
    },
  };
}

export type SeatLedger = ReturnType<typeof seatLedger>;
