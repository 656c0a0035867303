// HTTP shapes of a liaison's invitations: the sessions their bank may register staff for, with its own seats.
import { PageQuery, SessionFormat, SessionKind } from '@lianxin/contracts';
import { z } from 'zod';

export const InvitationsQuery = PageQuery;
export type InvitationsQuery = z.output<typeof InvitationsQuery>;

export const InvitationView = z.object({
  sessionId: z.string(),
  title: z.string(),
  kind: SessionKind,
  format: SessionFormat,
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.object({ name: z.string(), address: z.string() }),
  organisingUnit: z.string(),
  description: z.string().nullable(),
  capacity: z.number(),
  perBankQuota: z.number().nullable(),
  /** The whole session's seats. */
  seats: z.object({ confirmed: z.number(), waitlisted: z.number(), left: z.number() }),
  /** The caller's bank: seats it holds, staff it has waiting, seats its quota still allows (null: no quota). */
  bank: z.object({
    confirmed: z.number(),
    waitlisted: z.number(),
    quotaLeft: z.number().nullable(),
  }),
  registration: z.object({
    opensAt: z.string(),
    closesAt: z.string(),
    /** Whether a registration sent now is taken (confirmed or waitlisted). */
    open: z.boolean(),
  }),
});
export type InvitationView = z.infer<typeof InvitationView>;
