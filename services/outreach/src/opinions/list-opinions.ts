// Use case: list opinions by status, session, owner, and overdue (not resolved by the due date).
import type { OpinionStatus, Paginated } from '@lianxin/contracts';
import type { Deps } from '../shared/deps.ts';
import type { ListOpinionsQuery } from './opinion.schemas.ts';
import type { OpinionDoc } from './opinion.model.ts';

export async function listOpinions(
  deps: Deps,
  q: ListOpinionsQuery,
): Promise<Paginated<OpinionDoc>> {
  const now = deps.now();
  const unresolved: OpinionStatus[] = ['open', 'in_progress'];
  const status =
    q.overdue === 'true'
      ? q.status === undefined
        ? { $in: unresolved }
        : { $in: [q.status] }
      : q.status === undefined
        ? undefined
        : { $in: [q.status] };
  const filter = {
    ...(q.sessionId === undefined ? {} : { sessionId: q.sessionId }),
    ...(q.ownerId === undefined ? {} : { ownerId: q.ownerId }),
    ...(status === undefined ? {} : { status }),
    ...(q.overdue === 'true' ? { dueAt: { $lt: now } } : {}),
  };
  const [items, total] = await Promise.all([
    deps.models.opinions
      .find(filter, { outbox: 0 })
      .sort({ dueAt: 1, _id: 1 })
      .skip((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .lean<OpinionDoc[]>(),
    deps.models.opinions.countDocuments(filter),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
