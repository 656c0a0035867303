// HTTP entry points of check-in and feedback: the signed token is the attendee's credential; officers use a code, a scanned token or the registration id.
import { FeedbackColour, maskMobile, NonEmptyText, ObjectIdString } from '@lianxin/contracts';
import { requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { staffOf } from '@lianxin/platform/auth';
import { CheckInToken } from '@lianxin/contracts';
import { checkInAtVenue } from './check-in-at-venue.ts';
import {
  FeedbackView,
  PublicFeedbackBody,
  VenueCheckInBody,
  VenueCheckInView,
} from './check-in.schemas.ts';
import { checkIn, resolveToken } from './check-in.ts';
import { closeFollowUp } from './close-follow-up.ts';
import { submitFeedback } from './submit-feedback.ts';
import { submitFeedbackByCode } from './submit-feedback-by-code.ts';

const CheckInView = z.object({
  registrationId: z.string(),
  sessionId: z.string(),
  checkedInAt: z.string(),
  method: z.string(),
});
const FollowUpParams = z.strictObject({
  sessionId: ObjectIdString,
  registrationId: ObjectIdString,
});
const FollowUpView = z.object({
  registrationId: z.string(),
  sessionId: z.string(),
  status: z.literal('closed'),
  closedBy: z.string(),
  closedAt: z.string(),
  action: z.string(),
});

export function attendanceRoutes(app: App, deps: Deps): void {
  const tags = ['attendance'];

  app.post(
    '/check-ins',
    {
      schema: {
        tags,
        body: z.strictObject({ token: CheckInToken }),
        response: { 201: CheckInView, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const ids = resolveToken(deps, request.body.token);
      const reg = await checkIn(deps, ids.registrationId, ids.sessionId, {
        method: 'qr',
        officerId: null,
      });
      return reply.code(201).send({
        registrationId: reg._id,
        sessionId: reg.sessionId,
        checkedInAt: reg.checkIn?.at.toISOString() ?? '',
        method: 'qr',
      });
    },
  );

  app.post(
    '/sessions/:sessionId/check-ins',
    {
      onRequest: [app.authenticate, requireRole('coordinator', 'officer')],
      schema: {
        tags,
        description:
          'An officer at the venue checks a person in by the short code they read out (`code`) or by their QR code scanned (`token`). Once; from an hour before the start to the end.',
        params: z.strictObject({ sessionId: ObjectIdString }),
        body: VenueCheckInBody,
        response: {
          201: VenueCheckInView,
          ...errorResponses(
            'NOT_FOUND',
            'INVALID_CHECK_IN_TOKEN',
            'CHECK_IN_NOT_OPEN',
            'ALREADY_CHECKED_IN',
            'CONFLICT',
          ),
        },
      },
    },
    async (request, reply) => {
      const reg = await checkInAtVenue(
        deps,
        staffOf(request),
        request.params.sessionId,
        request.body,
      );
      return reply.code(201).send({
        registrationId: reg._id,
        sessionId: reg.sessionId,
        bankId: reg.bankId,
        attendee: {
          name: reg.attendee.name,
          mobile: maskMobile(reg.attendee.mobile),
          position: reg.attendee.position,
          branch: reg.attendee.branch,
        },
        checkedInAt: reg.checkIn?.at.toISOString() ?? '',
        method: reg.checkIn?.method ?? 'officer',
      });
    },
  );

  app.post(
    '/sessions/:sessionId/registrations/:registrationId/check-in',
    {
      onRequest: [app.authenticate, requireRole('coordinator', 'officer')],
      schema: {
        tags,
        params: z.strictObject({ sessionId: ObjectIdString, registrationId: ObjectIdString }),
        response: { 201: CheckInView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const officer = staffOf(request);
      const reg = await checkIn(deps, request.params.registrationId, request.params.sessionId, {
        method: 'officer',
        officerId: officer.sub,
      });
      return reply.code(201).send({
        registrationId: reg._id,
        sessionId: reg.sessionId,
        checkedInAt: reg.checkIn?.at.toISOString() ?? '',
        method: 'officer',
      });
    },
  );

  app.post(
    '/feedback',
    {
      schema: {
        tags,
        body: z.strictObject({
          token: CheckInToken,
          attitude: FeedbackColour,
          tone: FeedbackColour,
          expression: FeedbackColour,
          comment: NonEmptyText(500).nullable().default(null),
        }),
        response: { 201: FeedbackView, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { token, comment, ...ratings } = request.body;
      const ids = resolveToken(deps, token);
      const reg = await submitFeedback(deps, ids.registrationId, ids.sessionId, ratings, comment);
      return reply.code(201).send({
        registrationId: reg._id,
        sessionId: reg.sessionId,
        followUpOpened: reg.feedback?.followUp != null,
      });
    },
  );

  app.post(
    '/sessions/:sessionId/feedback',
    {
      schema: {
        tags,
        description:
          'Public (no token): an attendee rates the session from its feedback link (QR) on their own phone, with the 6-character check-in code given with their seat. Once per checked-in attendee; a red rating opens a follow-up. A wrong code and a wrong session are the same 404; too many wrong codes for a session answer 429 until the window ends (ADR 035).',
        params: z.strictObject({ sessionId: ObjectIdString }),
        body: PublicFeedbackBody,
        response: {
          201: FeedbackView,
          ...errorResponses('NOT_FOUND', 'CONFLICT', 'FEEDBACK_ALREADY_SUBMITTED', 'RATE_LIMITED'),
        },
      },
    },
    async (request, reply) => {
      const { code, comment, ...ratings } = request.body;
      const reg = await submitFeedbackByCode(
        deps,
        request.params.sessionId,
        code,
        ratings,
        comment,
      );
      return reply.code(201).send({
        registrationId: reg._id,
        sessionId: reg.sessionId,
        followUpOpened: reg.feedback?.followUp != null,
      });
    },
  );

  app.post(
    '/sessions/:sessionId/registrations/:registrationId/follow-up/close',
    {
      onRequest: [app.authenticate, requireRole('coordinator', 'officer')],
      schema: {
        tags,
        description:
          'Closes the follow-up a red rating opened: who (the caller), when (now) and what was done. Once; `feedback.followed_up` is published.',
        params: FollowUpParams,
        body: z.strictObject({ action: NonEmptyText(1000) }),
        response: {
          200: FollowUpView,
          ...errorResponses('NOT_FOUND', 'INVALID_TRANSITION'),
        },
      },
    },
    async (request) => {
      const { sessionId, registrationId } = request.params;
      const reg = await closeFollowUp(
        deps,
        staffOf(request),
        sessionId,
        registrationId,
        request.body.action,
      );
      const followUp = reg.feedback?.followUp;
      if (followUp?.status !== 'closed') throw new Error('follow-up not closed');
      return {
        registrationId: reg._id,
        sessionId: reg.sessionId,
        status: 'closed' as const,
        closedBy: followUp.closedBy,
        closedAt: followUp.closedAt.toISOString(),
        action: followUp.action,
      };
    },
  );
}
