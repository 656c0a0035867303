// Use case: a liaison of an invited bank registers one attendee or a batch — each confirmed or waitlisted, none lost.
import type { Attendee } from '@lianxin/contracts';
import type { LiaisonPrincipal } from '@lianxin/platform/auth';
import { conflict, type AppError } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { bankNotActive, liaisonInactive } from '../banks/bank.rules.ts';
import { sessionNotScheduled } from '../sessions/session.rules.ts';
import { newId } from '@lianxin/platform/db';
import {
  assertScheduled,
  findVisibleSessionHead,
  type SessionHead,
} from '../sessions/session-access.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import type { RegistrationDoc } from './registration.model.ts';
import { isOpenForRegistration, markFirstTransition } from './settle-registration.ts';

export type RegisterResult =
  { ok: true; registration: RegistrationDoc } | { ok: false; error: AppError };

export function registrationClosed(session: Pick<SessionDoc, 'registration'>): AppError {
  const opensAt = session.registration.opensAt.toISOString();
  const closesAt = session.registration.closesAt.toISOString();
  return conflict(
    'REGISTRATION_CLOSED',
    {
      zh: `不在报名时间内（${opensAt} 至 ${closesAt}）`,
      en: `Registration is open from ${opensAt} to ${closesAt}`,
    },
    [
      {
        path: 'registration',
        rule: 'window',
        message: { zh: '不在报名时间内', en: 'outside the registration window' },
        opensAt,
        closesAt,
      },
    ],
  );
}

const duplicate = (): AppError =>
  conflict(
    'DUPLICATE_ATTENDEE',
    {
      zh: '该手机号已报名本场活动',
      en: 'This mobile number is already registered for the session',
    },
    [
      {
        path: 'mobile',
        rule: 'unique',
        message: { zh: '该手机号已报名本场活动', en: 'already registered for this session' },
      },
    ],
  );

export async function registerAttendees(
  deps: Deps,
  liaison: LiaisonPrincipal,
  sessionId: string,
  attendees: readonly Attendee[],
): Promise<RegisterResult[]> {
  const session = await findVisibleSessionHead(deps, liaison, sessionId);
  assertScheduled(session);
  if (!isOpenForRegistration(session, deps.now())) throw registrationClosed(session);
  const { banks } = deps;
  if (!(await banks.isActiveLiaison(liaison.sub, liaison.bankId))) throw liaisonInactive();
  if (!(await banks.isActive(liaison.bankId))) throw bankNotActive([liaison.bankId]);

  // In order: within a batch, the first attendee listed is the first in the queue.
  const results: RegisterResult[] = [];
  for (const attendee of attendees)
    results.push(await registerOne(deps, liaison, session, attendee));
  return results;
}

async function registerOne(
  deps: Deps,
  liaison: LiaisonPrincipal,
  session: SessionHead,
  attendee: Attendee,
): Promise<RegisterResult> {
  const reg = {
    _id: newId(),
    sessionId: session._id,
    bankId: liaison.bankId,
    attendee,
    registeredBy: liaison.sub,
    registeredAt: deps.now(),
  };
  // First the document, unique per session and mobile: from here a crash leaves a `pending`
  // registration that the reconciler settles; nothing about seats has happened yet.
  const pending = await deps.registrations.insertPending(reg);
  if (pending === 'duplicate') return { ok: false, error: duplicate() };
  const outcome = await deps.seats.claimOrEnqueue(session._id, reg._id, liaison.bankId, session);
  if (outcome.kind === 'closed') {
    // The session stopped taking registrations between our check and the seat claim.
    await deps.registrations.deletePending(reg._id);
    return { ok: false, error: sessionNotScheduled('cancelled') };
  }
  const settled = await markFirstTransition(
    deps,
    pending,
    outcome.kind === 'seat'
      ? outcome
      : { kind: 'queued', place: { position: outcome.position, reason: outcome.reason } },
    'request',
  );
  return { ok: true, registration: settled };
}
