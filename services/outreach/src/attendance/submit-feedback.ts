// Use case: three-colour feedback, once per checked-in attendee; any red rating opens a follow-up on the session.
import type { FeedbackRatings } from '@lianxin/contracts';
import { conflict } from '@lianxin/platform/http';
import { withEvents } from '@lianxin/platform/messaging';
import { feedbackSubmitted } from '../registrations/registration-events.ts';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import type { Deps } from '../shared/deps.ts';
import { registrationNotFound } from '../shared/errors.ts';

export async function submitFeedback(
  deps: Deps,
  registrationId: string,
  sessionId: string,
  ratings: FeedbackRatings,
  comment: string | null,
): Promise<RegistrationDoc> {
  const { registrations } = deps.models;
  const reg = await registrations
    .findOne({ _id: registrationId, sessionId }, { outbox: 0 })
    .lean<RegistrationDoc>();
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
  const res = await registrations.updateOne(
    { _id: reg._id, feedback: null },
    withEvents({ $set: { feedback } }, [feedbackSubmitted(reg, feedback)]),
  );
  if (res.matchedCount === 0) throw alreadySubmitted();
  deps.wake();
  return { ...reg, feedback };
}

function alreadySubmitted() {
  return conflict('FEEDBACK_ALREADY_SUBMITTED', {
    zh: '已提交过评价',
    en: 'Feedback was already submitted',
  });
}
