// The liaison's calls to outreach through the console's gateway; types come from outreach's zod schemas.
import type { z } from 'zod';
import type { InvitationView as InvitationSchema } from '../../../../outreach/src/registrations/invitation.schemas.ts';
import type {
  AttendeeInput as AttendeeSchema,
  BankRegistrationView as BankRegistrationSchema,
  BatchResult as BatchResultSchema,
  RegistrationView as RegistrationSchema,
} from '../../../../outreach/src/registrations/registration.schemas.ts';
import { call, type OutreachSession, type Page } from '../api.ts';

export type Invitation = z.infer<typeof InvitationSchema>;
export type BankRegistration = z.infer<typeof BankRegistrationSchema>;
export type Registration = z.infer<typeof RegistrationSchema>;
export type BatchResult = z.infer<typeof BatchResultSchema>;
/** One attendee as the registration route takes it. */
export type AttendeeBody = z.input<typeof AttendeeSchema>;
export type RegistrationStatus = Registration['status'];

const outreach = '/api/outreach';

export const liaisonApi = {
  invitations: () => call<Page<Invitation>>('GET', `${outreach}/invitations?pageSize=100`),
  /** A session the bank is invited to (404 for any other). */
  session: (sessionId: string) =>
    call<OutreachSession>('GET', `${outreach}/sessions/${encodeURIComponent(sessionId)}`),
  registrations: (page: number, pageSize = 20) =>
    call<Page<BankRegistration>>(
      'GET',
      `${outreach}/registrations?page=${page}&pageSize=${pageSize}`,
    ),
  /** One of the bank's registrations (404 for another bank's). */
  registration: (registrationId: string) =>
    call<BankRegistration>(
      'GET',
      `${outreach}/registrations/${encodeURIComponent(registrationId)}`,
    ),
  registerOne: (sessionId: string, attendee: AttendeeBody) =>
    call<Registration>('POST', `${outreach}/sessions/${sessionId}/registrations`, attendee),
  registerBatch: (sessionId: string, attendees: AttendeeBody[]) =>
    call<BatchResult>('POST', `${outreach}/sessions/${sessionId}/registrations`, { attendees }),
  cancel: (sessionId: string, registrationId: string) =>
    call<Registration>(
      'DELETE',
      `${outreach}/sessions/${sessionId}/registrations/${registrationId}`,
    ),
};

/** Query keys of the liaison's lists, invalidated together after a registration or a cancel. */
export const LIAISON_KEYS = {
  invitations: ['li', 'invitations'] as const,
  registrations: ['li', 'registrations'] as const,
};
