// Reads and writes of the bank aggregate; every read takes the caller's BankScope, every write carries its events.
import type { BankType, PartnershipStatus } from '@lianxin/contracts';
import type { BankScope } from '@lianxin/platform/auth';
import { isDuplicateKey } from '@lianxin/platform/db';
import { conflict, detail, notFound } from '@lianxin/platform/errors';
import { initialOutbox, withEvents, type PendingEvent } from '@lianxin/platform/messaging';
import { Types, type QueryFilter } from 'mongoose';
import type { Bank } from './bank.ts';
import type { Models } from '../shared/models.ts';
import type { BankDoc } from './bank.model.ts';

export interface BankListFilter {
  status?: PartnershipStatus;
  type?: BankType;
  district?: string;
  /** Text in the Chinese or English name, short name or code. */
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type BankFields = Omit<Bank, 'id' | 'version'>;
export type Mutation = (bank: Bank) => { next: Bank; events: PendingEvent[] };

const duplicateCode = (code: string) => {
  const text = { zh: `银行代码 ${code} 已被使用`, en: `Bank code ${code} is already in use` };
  return conflict('DUPLICATE_BANK_CODE', text, [detail('code', 'unique', text)]);
};

function toBank(doc: BankDoc): Bank {
  return {
    id: doc._id.toHexString(),
    code: doc.code,
    name: { zh: doc.name.zh, en: doc.name.en ?? null },
    shortName: doc.shortName,
    type: doc.type as BankType,
    district: doc.district,
    address: doc.address,
    status: doc.status as PartnershipStatus,
    suspension: doc.suspension,
    partnerSince: doc.partnerSince,
    notes: doc.notes,
    branches: doc.branches,
    liaisons: doc.liaisons.map((l) => ({
      ...l,
      role: l.role === 'primary' ? 'primary' : 'backup',
    })),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
  };
}

function fieldsOf(b: Bank): BankFields {
  const { id: _id, version: _version, ...fields } = b;
  return fields;
}

/** A liaison's scope reaches one bank: the filter on the banks collection is its `_id`. */
function scoped(scope: BankScope, query: QueryFilter<BankDoc>): QueryFilter<BankDoc> {
  if (scope.bankId === undefined) return query;
  if (!Types.ObjectId.isValid(scope.bankId)) return { _id: { $exists: false } };
  return { $and: [query, { _id: new Types.ObjectId(scope.bankId) }] };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class BankRepository {
  constructor(
    private readonly models: Models,
    /** Called after every write that appended events (wakes the outbox relay). */
    private readonly afterWrite: () => void = () => undefined,
  ) {}

  /** A new id, so the first event's snapshot can name it before the insert. */
  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  async insert(id: string, fields: BankFields, events: PendingEvent[]): Promise<Bank> {
    try {
      const doc = await this.models.banks.create({
        _id: new Types.ObjectId(id),
        ...fields,
        ...initialOutbox(events),
      });
      this.afterWrite();
      return toBank(doc.toObject());
    } catch (err) {
      if (isDuplicateKey(err)) throw duplicateCode(fields.code);
      throw err;
    }
  }

  async get(scope: BankScope, id: string): Promise<Bank | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.models.banks
      .findOne(scoped(scope, { _id: new Types.ObjectId(id) }))
      .lean<BankDoc>();
    return doc ? toBank(doc) : null;
  }

  async getOrThrow(scope: BankScope, id: string): Promise<Bank> {
    const bank = await this.get(scope, id);
    if (!bank) throw notFound({ zh: '银行不存在', en: 'No such bank' });
    return bank;
  }

  async list(
    scope: BankScope,
    filter: BankListFilter,
    page: number,
    pageSize: number,
  ): Promise<Page<Bank>> {
    const query: QueryFilter<BankDoc> = {};
    if (filter.status) query.status = filter.status;
    if (filter.type) query.type = filter.type;
    if (filter.district) query.district = filter.district;
    if (filter.q) {
      const re = { $regex: escapeRegex(filter.q), $options: 'i' };
      query.$or = [{ 'name.zh': re }, { 'name.en': re }, { shortName: re }, { code: re }];
    }
    const where = scoped(scope, query);
    const [docs, total] = await Promise.all([
      this.models.banks
        .find(where)
        .sort({ code: 1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<BankDoc[]>(),
      this.models.banks.countDocuments(where),
    ]);
    return { items: docs.map(toBank), total };
  }

  /**
   * Applies `mutate` to the current state and writes the result with its events in one
   * update, conditioned on the version it read; a concurrent change makes it read and try again.
   */
  async change(scope: BankScope, id: string, mutate: Mutation): Promise<Bank> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const current = await this.getOrThrow(scope, id);
      const { next, events } = mutate(current);
      try {
        const res = await this.models.banks.updateOne(
          { _id: new Types.ObjectId(id), version: current.version },
          withEvents({ $set: fieldsOf(next) }, events),
        );
        if (res.matchedCount === 1) {
          this.afterWrite();
          return { ...next, version: current.version + events.length };
        }
      } catch (err) {
        if (isDuplicateKey(err)) throw duplicateCode(next.code);
        throw err;
      }
    }
    throw conflict('CONFLICT', {
      zh: '该银行正被同时修改，请重试',
      en: 'The bank is being changed concurrently; please retry',
    });
  }
}
