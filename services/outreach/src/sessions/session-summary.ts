// Use case: a session's record — registrations and attendance per bank, feedback per dimension and colour, opinions by status.
import type {
  FeedbackColour,
  FeedbackDimension,
  FeedbackRatings,
  OpinionStatus,
  SessionStatus,
} from '@lianxin/contracts';
import type { Deps } from '../shared/deps.ts';

export interface BankAttendance {
  /** null for walk-ins registered without a bank (not used yet). */
  bankId: string;
  registered: number;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  attended: number;
  /** Confirmed but not checked in, counted once the session is completed. */
  noShow: number;
}

export interface SessionSummary {
  sessionId: string;
  status: SessionStatus;
  capacity: number;
  perBank: BankAttendance[];
  totals: Omit<BankAttendance, 'bankId'>;
  feedback: { responses: number } & Record<FeedbackDimension, Record<FeedbackColour, number>>;
  followUps: {
    registrationId: string;
    ratings: FeedbackRatings;
    comment: string | null;
    status: 'open' | 'closed';
    closedBy: string | null;
    closedAt: string | null;
    action: string | null;
  }[];
  opinions: Record<OpinionStatus, number> & { overdue: number };
}

const colours = (): Record<FeedbackColour, number> => ({ red: 0, yellow: 0, blue: 0 });

export async function sessionSummary(deps: Deps, sessionId: string): Promise<SessionSummary> {
  const session = await deps.sessions.headOrThrow(sessionId);
  const regs = await deps.registrations.summaryRowsOfSession(sessionId);
  const opinions = await deps.opinions.ofSession(sessionId);
  const completed = session.status === 'completed';
  const empty = (): Omit<BankAttendance, 'bankId'> => ({
    registered: 0,
    confirmed: 0,
    waitlisted: 0,
    cancelled: 0,
    attended: 0,
    noShow: 0,
  });
  const byBank = new Map<string, Omit<BankAttendance, 'bankId'>>();
  const totals = empty();
  const feedback = { responses: 0, attitude: colours(), tone: colours(), expression: colours() };
  const followUps: SessionSummary['followUps'] = [];
  for (const reg of regs) {
    if (reg.status === 'pending') continue;
    const row = byBank.get(reg.bankId) ?? empty();
    byBank.set(reg.bankId, row);
    for (const target of [row, totals]) {
      target.registered += 1;
      if (reg.status === 'confirmed') target.confirmed += 1;
      if (reg.status === 'waitlisted') target.waitlisted += 1;
      if (reg.status === 'cancelled') target.cancelled += 1;
      if (reg.checkIn !== null) target.attended += 1;
      if (completed && reg.status === 'confirmed' && reg.checkIn === null) target.noShow += 1;
    }
    if (reg.feedback !== null) {
      feedback.responses += 1;
      for (const dimension of ['attitude', 'tone', 'expression'] as const) {
        feedback[dimension][reg.feedback.ratings[dimension]] += 1;
      }
      if (reg.feedback.followUp !== null) {
        followUps.push({
          registrationId: reg._id,
          ratings: reg.feedback.ratings,
          comment: reg.feedback.comment,
          status: reg.feedback.followUp.status,
          ...(reg.feedback.followUp.status === 'closed'
            ? {
                closedBy: reg.feedback.followUp.closedBy,
                closedAt: reg.feedback.followUp.closedAt.toISOString(),
                action: reg.feedback.followUp.action,
              }
            : { closedBy: null, closedAt: null, action: null }),
        });
      }
    }
  }
  const now = deps.now();
  const opinionCounts = { open: 0, in_progress: 0, resolved: 0, overdue: 0 };
  for (const o of opinions) {
    opinionCounts[o.status] += 1;
    if (o.status !== 'resolved' && o.dueAt < now) opinionCounts.overdue += 1;
  }
  return {
    sessionId,
    status: session.status,
    capacity: session.capacity,
    perBank: [...byBank]
      .map(([bankId, row]) => ({ bankId, ...row }))
      .sort((a, b) => a.bankId.localeCompare(b.bankId)),
    totals,
    feedback,
    followUps,
    opinions: opinionCounts,
  };
}
