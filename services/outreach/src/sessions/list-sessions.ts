// Use case: list sessions by date range, kind, status, invited bank and host officer — a liaison only their bank's.
import type { Paginated } from '@lianxin/contracts';
import type { Principal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import type { ListSessionsQuery } from './session.schemas.ts';
import type { SessionDoc } from './session.model.ts';

export async function listSessions(
  deps: Deps,
  principal: Principal,
  q: ListSessionsQuery,
): Promise<Paginated<SessionDoc>> {
  const startsAt: Record<string, Date> = {};
  if (q.from !== undefined) startsAt.$gte = new Date(q.from);
  if (q.to !== undefined) startsAt.$lt = new Date(q.to);
  // A liaison asking for another bank's sessions gets an empty page, not someone else's list.
  const bankId = principal.role === 'liaison' ? principal.bankId : q.bankId;
  const filter = {
    ...(Object.keys(startsAt).length > 0 ? { startsAt } : {}),
    ...(q.kind === undefined ? {} : { kind: q.kind }),
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(bankId === undefined ? {} : { invitedBankIds: bankId }),
    ...(principal.role === 'liaison' && q.bankId !== undefined && q.bankId !== principal.bankId
      ? { _id: { $in: [] as string[] } }
      : {}),
    ...(q.hostOfficerId === undefined ? {} : { hostOfficerIds: q.hostOfficerId }),
  };
  const { sessions } = deps.models;
  const [items, total] = await Promise.all([
    sessions
      .find(filter, { outbox: 0 })
      .sort({ startsAt: 1, _id: 1 })
      .skip((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .lean<SessionDoc[]>(),
    sessions.countDocuments(filter),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
