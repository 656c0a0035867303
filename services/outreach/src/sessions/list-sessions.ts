// Use case: list sessions by date range, kind, status, invited bank and host officer — a liaison only their bank's.
import type { Paginated } from '@lianxin/contracts';
import type { Principal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import type { ListSessionsQuery } from './session.schemas.ts';
import type { SessionHead } from './session.repository.ts';

export async function listSessions(
  deps: Deps,
  principal: Principal,
  q: ListSessionsQuery,
): Promise<Paginated<SessionHead>> {
  // A liaison asking for another bank's sessions gets an empty page, not someone else's list.
  if (principal.role === 'liaison' && q.bankId !== undefined && q.bankId !== principal.bankId) {
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  }
  const bankId = principal.role === 'liaison' ? principal.bankId : q.bankId;
  return deps.sessions.list(
    {
      ...(q.from === undefined ? {} : { from: new Date(q.from) }),
      ...(q.to === undefined ? {} : { to: new Date(q.to) }),
      ...(q.kind === undefined ? {} : { kind: q.kind }),
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(bankId === undefined ? {} : { bankId }),
      ...(q.hostOfficerId === undefined ? {} : { hostOfficerId: q.hostOfficerId }),
    },
    q.page,
    q.pageSize,
  );
}
