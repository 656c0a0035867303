// Edits a liaison: a coordinator may change everything, a liaison only their own contact details.
import type { LiaisonRole } from '@lianxin/contracts';
import type { BankScope, Principal } from '@lianxin/platform/auth';
import { conflict, forbidden, notFound } from '@lianxin/platform/errors';
import { newEvent } from '@lianxin/platform/messaging';
import { liaisonSnapshot, type Bank, type Liaison } from '../banks/bank.ts';
import type { Deps } from '../shared/deps.ts';
import type { Contacts } from './contact-reservation.repository.ts';
import { colleagueEvents, liaisonOf } from './liaison.events.ts';
import { changeRole } from './liaison.rules.ts';

export interface UpdateLiaisonInput {
  name?: string | undefined;
  mobile?: string | undefined;
  email?: string | undefined;
  title?: string | null | undefined;
  role?: LiaisonRole | undefined;
}

const noLiaison = () => notFound({ zh: '联络员不存在', en: 'No such liaison' });

/** A liaison edits only themself, and only their contact details (not name or role). */
function assertMayEdit(by: Principal, liaisonId: string, patch: UpdateLiaisonInput): void {
  if (by.role === 'coordinator') return;
  if (by.role !== 'liaison' || by.sub !== liaisonId) throw forbidden();
  if (patch.role !== undefined || patch.name !== undefined) {
    throw forbidden({
      zh: '联络员只能修改本人的联系方式',
      en: 'A liaison may change only their own contact details',
    });
  }
}

export async function updateLiaison(
  deps: Deps,
  scope: BankScope,
  by: Principal,
  bankId: string,
  liaisonId: string,
  patch: UpdateLiaisonInput,
): Promise<Liaison> {
  // Scope first: another bank's liaison is a 404 to a liaison, whatever the edit.
  const before = liaisonOf(await deps.banks.getOrThrow(scope, bankId), liaisonId);
  if (!before) throw noLiaison();
  assertMayEdit(by, liaisonId, patch);
  if (!before.active)
    throw conflict('INVALID_TRANSITION', {
      zh: '该联络员已被移除',
      en: 'This liaison has been removed',
    });

  const fresh: Contacts = {};
  if (patch.mobile !== undefined && patch.mobile !== before.mobile) fresh.mobile = patch.mobile;
  if (patch.email !== undefined && patch.email !== before.email) fresh.email = patch.email;
  await deps.reservations.reserve(bankId, liaisonId, fresh);

  let bank: Bank;
  try {
    bank = await deps.banks.change(scope, bankId, (current) => {
      const self = liaisonOf(current, liaisonId);
      if (!self?.active) throw noLiaison();
      const { liaisons, alsoChanged } =
        patch.role === undefined
          ? { liaisons: current.liaisons, alsoChanged: [] }
          : changeRole(current.liaisons, liaisonId, patch.role);
      const edited = liaisons.map((l) =>
        l.id === liaisonId
          ? {
              ...l,
              name: patch.name ?? l.name,
              mobile: patch.mobile ?? l.mobile,
              email: patch.email ?? l.email,
              title: patch.title === undefined ? l.title : patch.title,
            }
          : l,
      );
      const next: Bank = { ...current, liaisons: edited, updatedAt: deps.now().toISOString() };
      const updated = liaisonOf(next, liaisonId);
      if (!updated) throw noLiaison();
      return {
        next,
        events: [
          newEvent('liaison.updated', liaisonSnapshot(bankId, updated)),
          ...colleagueEvents(next, alsoChanged),
        ],
      };
    });
  } catch (err) {
    await deps.reservations.release(liaisonId, fresh);
    throw err;
  }
  // The old values are free once the bank no longer uses them.
  const released: Contacts = {};
  if (fresh.mobile !== undefined) released.mobile = before.mobile;
  if (fresh.email !== undefined) released.email = before.email;
  await deps.reservations.release(liaisonId, released);
  const updated = liaisonOf(bank, liaisonId);
  if (!updated) throw noLiaison();
  return updated;
}
