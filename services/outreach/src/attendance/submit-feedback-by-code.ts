// Use case: feedback from the attendee's own phone through the session's public link, with the 6-character check-in code as the credential (ADR 035).
import type { FeedbackRatings } from '@lianxin/contracts';
import { notFound, tooManyRequests } from '@lianxin/platform/errors';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import type { Deps } from '../shared/deps.ts';
import { submitFeedback } from './submit-feedback.ts';

/** One answer for a wrong code and a wrong (or unknown) session: the link reveals nothing. */
export const unknownFeedbackCode = () =>
  notFound({ zh: '签到码不正确', en: 'That check-in code is not valid for this session' }, [
    {
      path: 'code',
      rule: 'unknown',
      message: { zh: '签到码不正确，请核对报名确认中的 6 位签到码', en: 'unknown check-in code' },
    },
  ]);

/**
 * The code is short, so guessing is the attack: each wrong code counts against the session, and
 * a session over its budget answers 429 to everyone until the window ends (a right code too, so a
 * guesser learns nothing while refused). One feedback per checked-in attendee, as `submitFeedback`.
 */
export async function submitFeedbackByCode(
  deps: Deps,
  sessionId: string,
  code: string,
  ratings: FeedbackRatings,
  comment: string | null,
): Promise<RegistrationDoc> {
  const guard = deps.feedbackGuard.session;
  const retryAfter = guard.attempt(sessionId);
  if (retryAfter !== null) throw tooManyRequests(retryAfter);
  // No session lookup first: an unknown session and an unknown code take the same path.
  const reg = await deps.registrations.findByCode(sessionId, code);
  if (!reg) throw unknownFeedbackCode();
  // A right code is not a guess: it gives its count back (whatever the feedback's own answer).
  guard.forgive(sessionId);
  return submitFeedback(deps, reg._id, sessionId, ratings, comment);
}
