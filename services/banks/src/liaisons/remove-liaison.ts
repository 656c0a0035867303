// Removes a liaison: deactivated with its history kept; a backup left alone becomes the primary.
import type { BankScope } from '@lianxin/platform/auth';
import { notFound } from '@lianxin/platform/errors';
import { newEvent } from '@lianxin/platform/messaging';
import type { Bank } from '../banks/bank.ts';
import type { Deps } from '../shared/deps.ts';
import { colleagueEvents } from './liaison.events.ts';
import { removeLiaison } from './liaison.rules.ts';

export async function removeLiaisonFromBank(
  deps: Deps,
  scope: BankScope,
  bankId: string,
  liaisonId: string,
): Promise<void> {
  await deps.banks.change(scope, bankId, (current) => {
    if (!current.liaisons.some((l) => l.id === liaisonId))
      throw notFound({ zh: '联络员不存在', en: 'No such liaison' });
    const now = deps.now().toISOString();
    const { liaisons, alsoChanged } = removeLiaison(current.liaisons, liaisonId, now);
    const next: Bank = { ...current, liaisons, updatedAt: now };
    return {
      next,
      events: [
        newEvent('liaison.removed', { bankId, liaisonId }),
        ...colleagueEvents(next, alsoChanged),
      ],
    };
  });
  await deps.reservations.release(liaisonId);
}
