// Reads and projections of the bank directory: who may be invited, and who a liaison is.
import { applyIfNewer } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import { BANK_VIEWS, LIAISON_VIEWS, type BankView, type LiaisonView } from './directory.model.ts';

export interface Recipient {
  /** The liaison's id, which is also their account id in the console. */
  id: string;
  name: string;
  email: string;
  bankId: string;
}

export function directoryRepository(banks: Model<BankView>, liaisons: Model<LiaisonView>) {
  const conn = banks.db;
  return {
    applyBank: (id: string, sequence: number, fields: Omit<BankView, '_id' | 'sequence'>) =>
      applyIfNewer(conn, BANK_VIEWS, id, sequence, fields),

    applyLiaison: (id: string, sequence: number, fields: Omit<LiaisonView, '_id' | 'sequence'>) =>
      applyIfNewer(conn, LIAISON_VIEWS, id, sequence, fields),

    /** The active banks among `bankIds`, by id: a suspended bank's liaisons are not invited. */
    async activeBanks(bankIds: readonly string[]): Promise<Map<string, BankView>> {
      const docs = await banks.find({ _id: { $in: bankIds }, status: 'active' }).lean<BankView[]>();
      return new Map(docs.map((b) => [b._id, b]));
    },

    /** How many of `bankIds` the directory knows at all (active or not). */
    async knownBanks(bankIds: readonly string[]): Promise<number> {
      return banks.countDocuments({ _id: { $in: bankIds } });
    },

    async bank(bankId: string): Promise<BankView | null> {
      return banks.findById(bankId).lean<BankView>();
    },

    /** Active, not removed liaisons with an address, of these banks. */
    async activeLiaisonsOf(bankIds: readonly string[]): Promise<Recipient[]> {
      const docs = await liaisons
        .find({ bankId: { $in: bankIds }, active: true, removed: false })
        .lean<LiaisonView[]>();
      return docs.flatMap((l) =>
        l.email === null || l.name === null
          ? []
          : [{ id: l._id, name: l.name, email: l.email, bankId: l.bankId }],
      );
    },

    /**
     * A liaison who can still be written to (registrations name them by id): `unknown` when this
     * directory has not seen them yet (its copy of the banks topic is behind), `null` when they
     * were removed or have no address.
     */
    async liaison(liaisonId: string): Promise<Recipient | null | 'unknown'> {
      const l = await liaisons.findById(liaisonId).lean<LiaisonView>();
      if (l === null) return 'unknown';
      if (l.removed || l.email === null || l.name === null) return null;
      return { id: l._id, name: l.name, email: l.email, bankId: l.bankId };
    },
  };
}

export type DirectoryRepository = ReturnType<typeof directoryRepository>;
