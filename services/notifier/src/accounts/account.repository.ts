// Account reads: the language each recipient prefers (Chinese unless their account says English), the coordinators.
import { isDuplicateKey } from '@lianxin/platform/db';
import { applyIfNewer } from '@lianxin/platform/messaging';
import type { Model } from 'mongoose';
import type { Language } from '../email/email.schemas.ts';
import { ACCOUNT_VIEWS, type AccountView } from './account.model.ts';

export function accountRepository(accounts: Model<AccountView>) {
  return {
    /** Insert first (exact `_id`, indexed on FerretDB); the conditional update only for a known account. */
    async apply(
      id: string,
      sequence: number,
      fields: Omit<AccountView, '_id' | 'sequence'>,
    ): Promise<boolean> {
      try {
        await accounts.create({ ...fields, _id: id, sequence });
        return true;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      return applyIfNewer(accounts.db, ACCOUNT_VIEWS, id, sequence, fields);
    },

    /**
     * The language of each recipient, by account id where known (liaisons), else by address.
     * Anyone without an account is written to in Simplified Chinese.
     */
    async languages(
      recipients: readonly { id?: string | null; email: string }[],
    ): Promise<Language[]> {
      if (recipients.length === 0) return [];
      const ids = recipients.flatMap((r) => (r.id ? [r.id] : []));
      const emails = recipients.map((r) => r.email);
      const docs = await accounts
        .find(
          { $or: [{ _id: { $in: ids } }, { email: { $in: emails } }] },
          { email: 1, language: 1 },
        )
        .lean<Pick<AccountView, '_id' | 'email' | 'language'>[]>();
      const byId = new Map(docs.map((d) => [d._id, d.language]));
      const byEmail = new Map(docs.map((d) => [d.email, d.language]));
      return recipients.map(
        (r) => (r.id ? byId.get(r.id) : undefined) ?? byEmail.get(r.email) ?? 'zh',
      );
    },

    async coordinators(): Promise<AccountView[]> {
      return accounts.find({ role: 'coordinator' }).sort({ _id: 1 }).lean<AccountView[]>();
    },
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;
