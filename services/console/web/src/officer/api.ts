// The officer's calls through the gateway, typed from the outreach and content services' zod schemas.
import type { z } from 'zod';
import type { Paginated } from '@lianxin/contracts';
import type {
  FeedbackView,
  PublicFeedbackBody,
  VenueCheckInBody,
  VenueCheckInView,
} from '../../../../outreach/src/attendance/check-in.schemas.ts';
import type {
  OpinionView,
  RaiseOpinionBody,
} from '../../../../outreach/src/opinions/opinion.schemas.ts';
import type { RegistrationView } from '../../../../outreach/src/registrations/registration.schemas.ts';
import type { SessionSummaryView } from '../../../../outreach/src/sessions/session.schemas.ts';
import type { BulletinDto } from '../../../../content/src/bulletins/bulletin.schemas.ts';
import type { MaterialsDto } from '../../../../content/src/sessions/materials.schemas.ts';
import { call, type OutreachSession } from '../api.ts';

export type Registration = z.infer<typeof RegistrationView>;
export type Summary = z.infer<typeof SessionSummaryView>;
export type Opinion = z.infer<typeof OpinionView>;
export type NewOpinion = z.input<typeof RaiseOpinionBody>;
export type CheckInResult = z.infer<typeof VenueCheckInView>;
export type CheckInInput = z.input<typeof VenueCheckInBody>;
export type Materials = z.infer<typeof MaterialsDto>;
export type PublicFeedback = z.input<typeof PublicFeedbackBody>;
export type FeedbackResult = z.infer<typeof FeedbackView>;
export type Bulletin = z.infer<typeof BulletinDto>;
type Page<T> = Paginated<T>;

const outreach = (path: string) => `/api/outreach${path}`;

export const officerApi = {
  /** The sessions this officer hosts (every status) from `since` on; the page orders them. */
  mySessions: (officerId: string, since: Date) =>
    call<Page<OutreachSession>>(
      'GET',
      outreach(
        `/sessions?${new URLSearchParams({ hostOfficerId: officerId, from: since.toISOString(), pageSize: '100' }).toString()}`,
      ),
    ),
  session: (id: string) => call<OutreachSession>('GET', outreach(`/sessions/${id}`)),
  summary: (id: string) => call<Summary>('GET', outreach(`/sessions/${id}/summary`)),
  registrations: (id: string) =>
    call<{ items: Registration[] }>('GET', outreach(`/sessions/${id}/registrations`)),
  /** A typed code or a scanned QR token: the venue check-in. */
  checkIn: (sessionId: string, body: CheckInInput) =>
    call<CheckInResult>('POST', outreach(`/sessions/${sessionId}/check-ins`), body),
  /** The officer ticks a person on the list. */
  checkInById: (sessionId: string, registrationId: string) =>
    call<unknown>(
      'POST',
      outreach(`/sessions/${sessionId}/registrations/${registrationId}/check-in`),
    ),
  /** A session's opinions, or those an officer owns (follows up). */
  opinions: (filter: { sessionId: string } | { ownerId: string }) =>
    call<Page<Opinion>>(
      'GET',
      outreach(`/opinions?${new URLSearchParams({ ...filter, pageSize: '100' }).toString()}`),
    ),
  raiseOpinion: (sessionId: string, body: NewOpinion) =>
    call<Opinion>('POST', outreach(`/sessions/${sessionId}/opinions`), body),
  resolveOpinion: (opinionId: string, resolutionNote: string) =>
    call<Opinion>('POST', outreach(`/opinions/${opinionId}/resolve`), { resolutionNote }),
  /** The room's public link: no account, the attendee's check-in code (the gateway's one public route). */
  publicFeedback: (sessionId: string, body: PublicFeedback) =>
    call<FeedbackResult>('POST', outreach(`/sessions/${sessionId}/feedback`), body),
  materials: (sessionId: string) =>
    call<Materials>('GET', `/api/content/sessions/${sessionId}/materials?limit=20`),
  bulletin: (id: string) => call<Bulletin>('GET', `/api/content/bulletins/${id}?view=published`),
};
