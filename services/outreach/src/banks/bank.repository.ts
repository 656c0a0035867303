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
  };
}
