// Use case: the sessions a liaison's bank is invited to that have not started yet, soonest first.
import type { Paginated } from '@lianxin/contracts';
import type { LiaisonPrincipal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import type { SessionHead } from '../sessions/session.repository.ts';
import type { InvitationsQuery } from './invitation.schemas.ts';

export function listInvitations(
  deps: Deps,
  liaison: LiaisonPrincipal,
  q: InvitationsQuery,
): Promise<Paginated<SessionHead & Pick<SessionDoc, 'queue'>>> {
  // Scheduled and still ahead: a session that started takes no more registrations (its window
  // closes at the start at the latest), and a cancelled one is not an invitation any more.
  return deps.sessions.listWithQueue(
    { bankId: liaison.bankId, status: 'scheduled', from: deps.now() },
    q.page,
    q.pageSize,
  );
}
