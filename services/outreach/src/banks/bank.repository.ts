// Reads of the bank read model that the session and registration rules ask.
import type { Model } from 'mongoose';
import type { BankView, LiaisonView } from './bank-view.model.ts';

export interface BankRepository {
  /** Of `bankIds`, those that are not active partners (unknown ones included). */
  notActive(bankIds: readonly string[]): Promise<string[]>;
  isActive(bankId: string): Promise<boolean>;
  /** Whether this liaison exists, belongs to the bank and is active. */
  isActiveLiaison(liaisonId: string, bankId: string): Promise<boolean>;
  list(): Promise<BankView[]>;
  /** Active banks by code (the demo's invitations). */
  activeBanks(limit: number): Promise<BankView[]>;
  /** Active, not removed liaisons. */
  activeLiaisons(): Promise<LiaisonView[]>;
  /** How many active banks and active liaisons the read model holds. */
  counts(): Promise<{ banks: number; liaisons: number }>;
}

export function bankRepository(
  banks: Model<BankView>,
  liaisons: Model<LiaisonView>,
): BankRepository {
  return {
    async notActive(bankIds) {
      const active = await banks
        .find({ _id: { $in: [...bankIds] }, status: 'active' }, { _id: 1 })
        .lean<{ _id: string }[]>();
      const ok = new Set(active.map((b) => b._id));
      return bankIds.filter((id) => !ok.has(id));
    },
    async isActive(bankId) {
      return (await banks.countDocuments({ _id: bankId, status: 'active' })) > 0;
    },
    async isActiveLiaison(liaisonId, bankId) {
      return (
        (await liaisons.countDocuments({ _id: liaisonId, bankId, active: true, removed: false })) >
        0
      );
    },
    async list() {
      return banks.find({}).sort({ _id: 1 }).lean<BankView[]>();
    },
    async activeBanks(limit) {
      return banks.find({ status: 'active' }).sort({ code: 1 }).limit(limit).lean<BankView[]>();
    },
    async activeLiaisons() {
      return liaisons.find({ active: true, removed: false }).lean<LiaisonView[]>();
    },
    async counts() {
      const [b, l] = await Promise.all([
        banks.countDocuments({ status: 'active' }),
        liaisons.countDocuments({ active: true }),
      ]);
      return { banks: b, liaisons: l };
    },
  };
}
