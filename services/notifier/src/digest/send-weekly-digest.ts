// The weekly digest to each coordinator: sessions held, people reached, red feedback, opinions still open.
import type { DeliveryPlan } from '../deliveries/delivery.repository.ts';
import type { DigestData } from '../email/email.schemas.ts';
import type { Deps } from '../shared/deps.ts';
import { dueDigestWeek } from './digest.rules.ts';

const WEEK_MS = 7 * 24 * 3_600_000;
const OPINIONS_LISTED = 20;

/**
 * Plans the latest due week's digest for every coordinator. Safe to run as often as wanted and
 * on every replica: the key `digest:<week>` makes one delivery per coordinator per week.
 */
export async function sendWeeklyDigest(deps: Deps): Promise<{ week: string; planned: number }> {
  const now = deps.now();
  const week = dueDigestWeek(now);
  const coordinators = await deps.accounts.coordinators();
  if (coordinators.length === 0) return { week: week.week, planned: 0 };

  const held = await deps.sessions.heldBetween(week.start, week.end);
  const registrations = await deps.registrations.ofSessions(held.map((s) => s._id));
  const sessionsHeld = held.map((s) => {
    const mine = registrations.filter((r) => r.sessionId === s._id);
    return {
      title: s.title,
      startsAt: s.startsAt,
      reached: mine.filter((r) => r.checkedInAt !== undefined).length,
      red: mine.filter((r) => r.red === true).length,
    };
  });
  const open = await deps.sessions.openOpinions();
  const base: Omit<DigestData, 'coordinatorName'> = {
    weekStart: week.start.toISOString(),
    weekEnd: new Date(week.end.getTime() - 1).toISOString(),
    sessionsHeld,
    peopleReached: sessionsHeld.reduce((n, s) => n + s.reached, 0),
    redFeedback: sessionsHeld.reduce((n, s) => n + s.red, 0),
    openOpinions: open.slice(0, OPINIONS_LISTED).map((o) => ({
      category: o.category,
      text: o.text.length > 80 ? `${o.text.slice(0, 79)}…` : o.text,
      dueAt: o.dueAt,
      overdue: new Date(o.dueAt) < now,
    })),
  };
  const plans: DeliveryPlan[] = coordinators.map((c) => ({
    key: `digest:${week.week}`,
    eventId: null,
    eventType: null,
    content: { template: 'digest', data: { ...base, coordinatorName: c.name } },
    recipient: { email: c.email, name: c.name },
    language: c.language,
    dueAt: now,
    // A digest that could not go out within its week is replaced by the next one.
    notAfter: new Date(week.dueAt.getTime() + WEEK_MS),
  }));
  await deps.deliveries.plan(plans, now);
  deps.wake();
  return { week: week.week, planned: plans.length };
}
