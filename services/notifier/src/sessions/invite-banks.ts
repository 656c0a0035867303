// A bank forum was scheduled: invite the active liaisons of each invited, active bank, with the calendar entry.
import type { EventOf } from '@lianxin/contracts';
import type { DeliveryPlan } from '../deliveries/delivery.repository.ts';
import type { Deps } from '../shared/deps.ts';
import type { SessionView } from './session.model.ts';
import { sessionInfo } from './session.view.ts';

/** Thrown so the consumer retries with backoff until the banks topic has caught up. */
export class DirectoryBehind extends Error {}

export async function inviteBanks(
  deps: Deps,
  event: EventOf<'session.scheduled'>,
  session: SessionView,
): Promise<void> {
  const closesAt = new Date(session.registration.closesAt);
  // An invitation read after registration closed is of no use to anyone.
  if (session.invitedBankIds.length === 0 || deps.now() >= closesAt) return;
  // Outreach invites only banks it has seen on lianxin.banks.v1; if this directory lacks one, its
  // copy of that topic is behind (a first start replays every topic at once): retry, don't skip.
  const known = await deps.directory.knownBanks(session.invitedBankIds);
  if (known < new Set(session.invitedBankIds).size) {
    throw new DirectoryBehind(
      `${session.invitedBankIds.length - known} invited bank(s) not in the directory yet`,
    );
  }
  const banks = await deps.directory.activeBanks(session.invitedBankIds);
  const liaisons = await deps.directory.activeLiaisonsOf([...banks.keys()]);
  const languages = await deps.accounts.languages(liaisons);
  const plans: DeliveryPlan[] = liaisons.map((liaison, i) => {
    const bank = banks.get(liaison.bankId);
    const language = languages[i] ?? 'zh';
    return {
      key: event.id,
      eventId: event.id,
      eventType: event.type,
      content: {
        template: 'invitation',
        data: {
          session: sessionInfo(session),
          liaisonName: liaison.name,
          bankName: (language === 'en' ? bank?.name.en : null) ?? bank?.name.zh ?? liaison.bankId,
          registrationClosesAt: session.registration.closesAt,
          capacity: session.capacity,
          perBankQuota: session.perBankQuota,
        },
      },
      recipient: { email: liaison.email, name: liaison.name },
      language,
      sessionId: session._id,
      dueAt: deps.now(),
      notAfter: closesAt,
    };
  });
  await deps.deliveries.plan(plans, deps.now());
  deps.wake();
}
