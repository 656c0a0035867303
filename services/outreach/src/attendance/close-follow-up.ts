// Use case: an officer closes the follow-up a red rating opened — who, when and what was done — once.
import type { StaffPrincipal } from '@lianxin/platform/auth';
import { conflict, notFound } from '@lianxin/platform/errors';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import { registrationNotFound } from '../registrations/registration.rules.ts';
import type { Deps } from '../shared/deps.ts';

const alreadyClosed = () =>
  conflict(
    'INVALID_TRANSITION',
    { zh: '该跟进事项已办结', en: 'The follow-up is already closed' },
    [
      {
        path: '',
        rule: 'transition',
        message: { zh: '已办结的跟进不能再次办结', en: 'closed → closed is not allowed' },
        from: 'closed',
        to: 'closed',
      },
    ],
  );

export async function closeFollowUp(
  deps: Deps,
  by: StaffPrincipal,
  sessionId: string,
  registrationId: string,
  action: string,
): Promise<RegistrationDoc> {
  const reg = await deps.registrations.findInSession(registrationId, sessionId, null);
  if (!reg) throw registrationNotFound();
  const followUp = reg.feedback?.followUp ?? null;
  if (reg.feedback === null || followUp === null) {
    throw notFound({ zh: '该报名没有待跟进事项', en: 'This registration has no follow-up' });
  }
  if (followUp.status === 'closed') throw alreadyClosed();
  const closed = { closedBy: by.sub, closedAt: deps.now(), action };
  // Once: the write only matches while the follow-up is open.
  if (!(await deps.registrations.recordFollowUpClosed(reg, closed))) throw alreadyClosed();
  return { ...reg, feedback: { ...reg.feedback, followUp: { status: 'closed', ...closed } } };
}
