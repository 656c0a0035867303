// The reads of a bank's registrations across sessions (a liaison's "my registrations"): lean, without the outbox, bank-scoped by type.
import type { Paginated } from '@lianxin/contracts';
import type { BankScope } from '@lianxin/platform/auth';
import type { Model } from 'mongoose';
import type { RegistrationDoc } from './registration.model.ts';

const NO_OUTBOX = { outbox: 0 } as const;

export class BankRegistrationReads {
  constructor(private readonly model: Model<RegistrationDoc>) {}

  /** One registration, within the caller's bank scope (another bank's is not found). */
  findInScope(id: string, scope: BankScope): Promise<RegistrationDoc | null> {
    return this.model
      .findOne({ _id: id, ...scope.filter() }, NO_OUTBOX)
      .lean<RegistrationDoc>()
      .exec();
  }

  /** The scope's registrations across sessions, newest first (index `{ bankId, registeredAt }`). */
  async listOfBank(
    scope: BankScope,
    f: { status?: RegistrationDoc['status']; sessionId?: string },
    page: number,
    pageSize: number,
  ): Promise<Paginated<RegistrationDoc>> {
    const query = {
      ...scope.filter(),
      ...(f.status === undefined ? {} : { status: f.status }),
      ...(f.sessionId === undefined ? {} : { sessionId: f.sessionId }),
    };
    const [items, total] = await Promise.all([
      this.model
        .find(query, NO_OUTBOX)
        .sort({ registeredAt: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<RegistrationDoc[]>()
        .exec(),
      this.model.countDocuments(query),
    ]);
    return { items, total, page, pageSize };
  }
}
