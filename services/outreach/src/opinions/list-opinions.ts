// Use case: list opinions by status, session, owner, and overdue (not resolved by the due date).
import type { Paginated } from '@lianxin/contracts';
import type { Deps } from '../shared/deps.ts';
import type { ListOpinionsQuery } from './opinion.schemas.ts';
import type { OpinionDoc } from './opinion.model.ts';

export function listOpinions(deps: Deps, q: ListOpinionsQuery): Promise<Paginated<OpinionDoc>> {
  return deps.opinions.list(
    {
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.sessionId === undefined ? {} : { sessionId: q.sessionId }),
      ...(q.ownerId === undefined ? {} : { ownerId: q.ownerId }),
      ...(q.overdue === 'true' ? { overdueAt: deps.now() } : {}),
    },
    q.page,
    q.pageSize,
  );
}
