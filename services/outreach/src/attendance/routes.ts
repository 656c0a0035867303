// HTTP entry points of check-in and feedback: the signed token is the attendee's credential; officers use the registration id.
import { FeedbackColour, NonEmptyText, ObjectIdString } from '@lianxin/contracts';
import { requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { staffOf } from '@lianxin/platform/auth';
import { CheckInToken } from '@lianxin/contracts';
import { checkIn, resolveToken } from './check-in.ts';
import { submitFeedback } from './submit-feedback.ts';

const CheckInView = z.object({
  registrationId: z.string(),
  sessionId: z.string(),
  checkedInAt: z.string(),
  method: z.string(),
});
const FeedbackView = z.object({
  registrationId: z.string(),
  sessionId: z.string(),
  followUpOpened: z.boolean(),
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
}
