// Reads and writes of accounts and their email keys; each write is one single-document update (with its events).
import { isDuplicateKey } from '@lianxin/platform/db';
import { conflict, detail } from '@lianxin/platform/errors';
import { initialOutbox, type PendingEvent } from '@lianxin/platform/messaging';
import type { Models } from '../shared/models.ts';
import type { Account, AccountCredentials, AccountRole, AccountStatus } from './account.ts';
import type { AccountDoc } from './account.model.ts';
import { emailKey } from './account.rules.ts';

export interface NewAccount {
  id: string;
  role: AccountRole;
  bankId: string | null;
  name: string;
  email: string;
  language: 'zh' | 'en';
  activationTokenHash: string;
  activationExpiresAt: Date;
  bankSequence?: number;
  createdAt: Date;
}

const duplicateEmail = () => {
  const text = { zh: '该邮箱已被其他账号使用', en: 'Another account already uses this email' };
  return conflict('DUPLICATE', text, [detail('email', 'unique', text)]);
};

function toAccount(doc: AccountDoc): Account {
  return {
    id: doc._id,
    role: doc.role,
    bankId: doc.bankId,
    name: doc.name,
    email: doc.email,
    language: doc.language,
    status: doc.status,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export class AccountRepository {
  constructor(
    private readonly models: Models,
    private readonly afterWrite: () => void = () => undefined,
  ) {}

  /**
   * Reserves the email (a unique `_id`), then inserts the account with its first event. A
   * taken email is 409 DUPLICATE naming `email`; `false` when the account id already exists
   * (a redelivered `liaison.added`).
   */
  async create(account: NewAccount, event: PendingEvent): Promise<boolean> {
    const email = emailKey(account.email);
    try {
      await this.models.accountEmails.create({ _id: email, accountId: account.id });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const holder = await this.models.accountEmails.findById(email).lean();
      if (holder?.accountId === account.id) return false;
      throw duplicateEmail();
    }
    try {
      await this.models.accounts.create({
        _id: account.id,
        role: account.role,
        bankId: account.bankId,
        name: account.name,
        email,
        language: account.language,
        status: 'pending',
        passwordHash: null,
        activationTokenHash: account.activationTokenHash,
        activationExpiresAt: account.activationExpiresAt,
        attempts: 0,
        lockedUntil: new Date(0),
        bankSequence: account.bankSequence ?? 0,
        createdAt: account.createdAt,
        updatedAt: account.createdAt,
        ...initialOutbox([event]),
      });
    } catch (error) {
      await this.models.accountEmails.deleteOne({ _id: email, accountId: account.id });
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    this.afterWrite();
    return true;
  }

  async findById(id: string): Promise<Account | null> {
    const doc = await this.models.accounts.findById(id).lean<AccountDoc>();
    return doc === null ? null : toAccount(doc);
  }

  async credentialsByEmail(email: string): Promise<AccountCredentials | null> {
    const key = await this.models.accountEmails.findById(emailKey(email)).lean();
    if (key === null) return null;
    const doc = await this.models.accounts.findById(key.accountId).lean<AccountDoc>();
    if (doc === null) return null;
    return { ...toAccount(doc), passwordHash: doc.passwordHash, lockedUntil: doc.lockedUntil };
  }

  async list(filter: { role?: AccountRole; status?: AccountStatus }): Promise<Account[]> {
    const docs = await this.models.accounts
      .find(filter)
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<AccountDoc[]>();
    return docs.map(toAccount);
  }

  /**
   * Claims one login attempt: succeeds only while the account is unlocked and fewer than `max`
   * attempts are counted. One conditional update, so among any number of concurrent wrong
   * passwords at most `max` are ever checked before the lock (ADR 023).
   */
  async claimAttempt(id: string, now: Date, max: number): Promise<boolean> {
    const res = await this.models.accounts.updateOne(
      { _id: id, lockedUntil: { $lte: now }, attempts: { $lt: max } },
      { $inc: { attempts: 1 } },
    );
    return res.matchedCount === 1;
  }

  /** Locks the account until `until` once `max` attempts are used up (only one caller wins). */
  async lockIfExhausted(id: string, now: Date, max: number, until: Date): Promise<void> {
    await this.models.accounts.updateOne(
      { _id: id, lockedUntil: { $lte: now }, attempts: { $gte: max } },
      { $set: { lockedUntil: until, attempts: 0 } },
    );
  }

  async lockedUntil(id: string): Promise<Date | null> {
    const doc = await this.models.accounts.findById(id, { lockedUntil: 1 }).lean<AccountDoc>();
    return doc?.lockedUntil ?? null;
  }

  async resetAttempts(id: string): Promise<void> {
    await this.models.accounts.updateOne({ _id: id }, { $set: { attempts: 0 } });
  }

  /** Burns the activation token and sets the password: one conditional update, so a link works once. */
  async activate(tokenHash: string, passwordHash: string, now: Date): Promise<Account | null> {
    const doc = await this.models.accounts
      .findOneAndUpdate(
        { activationTokenHash: tokenHash, activationExpiresAt: { $gt: now }, status: 'pending' },
        {
          $set: {
            passwordHash,
            status: 'active',
            activationTokenHash: null,
            activationExpiresAt: null,
            attempts: 0,
            updatedAt: now,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<AccountDoc>();
    return doc === null ? null : toAccount(doc);
  }

  /** Deactivates the account and frees its email key; false when it was not active or pending. */
  async deactivate(id: string, now: Date): Promise<boolean> {
    const doc = await this.models.accounts
      .findOneAndUpdate(
        { _id: id, status: { $ne: 'deactivated' } },
        { $set: { status: 'deactivated', activationTokenHash: null, updatedAt: now } },
      )
      .lean<AccountDoc>();
    if (doc === null) return false;
    await this.models.accountEmails.deleteOne({ _id: doc.email, accountId: id });
    return true;
  }

  /**
   * A liaison's snapshot from the banks topic, applied only if newer than the one held (a
   * replay changes nothing). Returns the account as it is after, or null when not applied.
   */
  async applyLiaison(
    id: string,
    sequence: number,
    fields: { name: string },
    now: Date,
  ): Promise<Account | null> {
    const doc = await this.models.accounts
      .findOneAndUpdate(
        { _id: id, bankSequence: { $lt: sequence } },
        { $set: { name: fields.name, bankSequence: sequence, updatedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<AccountDoc>();
    return doc === null ? null : toAccount(doc);
  }

  /** Demo only: an account made usable with a known password, without the emailed link. */
  async setPassword(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.models.accounts.updateOne(
      { _id: id },
      {
        $set: {
          passwordHash,
          status: 'active',
          activationTokenHash: null,
          activationExpiresAt: null,
          updatedAt: now,
        },
      },
    );
  }

  /** Demo only: the first liaison accounts by email. */
  async firstLiaisons(limit: number): Promise<Account[]> {
    const docs = await this.models.accounts
      .find({ role: 'liaison', status: { $ne: 'deactivated' } })
      .sort({ email: 1 })
      .limit(limit)
      .lean<AccountDoc[]>();
    return docs.map(toAccount);
  }
}
