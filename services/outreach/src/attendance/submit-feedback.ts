// Use case: three-colour feedback, once per checked-in attendee; any red rating opens a follow-up on the session.
import type { FeedbackRatings } from '@lianxin/contracts';
import { conflict } from '@lianxin/platform/errors';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import type { Deps } from '../shared/deps.ts';
import { registrationNotFound } from '../registrations/registration.rules.ts';

export async function submitFeedback(
  deps: Deps,
  registrationId: string,
  sessionId: string,
  ratings: FeedbackRatings,
  comment: string | null,
): Promise<RegistrationDoc> {
  const reg = await deps.registrations.findInSession(registrationId, sessionId, null);
  if (!reg) throw registrationNotFound();
  if (reg.feedback !== null) throw alreadySubmitted();
  if (reg.checkIn === null) {
    throw conflict('CONFLICT', { zh: '签到后才能评价', en: 'Feedback is given after checking in' });
  }
  const red = Object.values(ratings).includes('red');
  const feedback = {
    ratings,
    comment,
    submittedAt: deps.now(),
    followUp: red ? { status: 'open' as const } : null,
  };
  // Once: the feedback and its follow-up are one write that only matches while there is none.
  if (!(await deps.registrations.recordFeedback(reg, feedback))) throw alreadySubmitted();
  return { ...reg, feedback };
}

function alreadySubmitted() {
  return conflict('FEEDBACK_ALREADY_SUBMITTED', {
    zh: '已提交过评价',
    en: 'Feedback was already submitted',
  });
}
