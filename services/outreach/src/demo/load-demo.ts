// loadDemo: the source story (Xianghe County, 香河) as data — held sessions with their record, and the forum now filling up.
import type { LiaisonPrincipal, StaffPrincipal } from '@lianxin/platform/auth';
import { checkIn } from '../attendance/check-in.ts';
import { submitFeedback } from '../attendance/submit-feedback.ts';
import type { BankView, LiaisonView } from '../banks/bank-view.model.ts';
import { raiseOpinion } from '../opinions/raise-opinion.ts';
import { updateOpinion } from '../opinions/update-opinion.ts';
import { registerAttendees } from '../registrations/register-attendees.ts';
import type { Deps } from '../shared/deps.ts';
import { completeSession } from '../sessions/complete-session.ts';
import { scheduleSession } from '../sessions/schedule-session.ts';
import { ScheduleSessionBody } from '../sessions/session.schemas.ts';
import type { SessionDoc } from '../sessions/session.model.ts';
import {
  demoAttendees,
  ENTERPRISE_VISIT,
  FORUM_TITLE,
  PAST_FORUM_FEEDBACK,
  PAST_FORUM_OPINIONS,
  PAST_FORUM_TITLE,
  PAST_SESSIONS,
  type DemoOpinion,
} from './demo-sessions.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const coordinator: StaffPrincipal = {
  sub: 'demo-coordinator',
  role: 'coordinator',
  name: '反诈中心协调员',
};
const FORUM_VENUE = {
  name: '香河县公安局反诈中心三楼会议室',
  address: '河北省廊坊市香河县新华大街',
};

export interface DemoReport {
  loaded: boolean;
  sessions: number;
  registrations: number;
  /** No active bank in the read model yet (the banks service's demo has not arrived). */
  forumsSkipped: boolean;
}

/** The same deps on a clock set to `when`: past sessions are scheduled and held as they were then. */
function at(deps: Deps, when: number): Deps {
  return { ...deps, now: () => new Date(when) };
}

/** 09:30 in Beijing (01:30 UTC), `days` from today. */
function morning(now: Date, days: number): number {
  return Math.floor(now.getTime() / DAY) * DAY + days * DAY + 1.5 * HOUR;
}

interface Contact {
  liaison: LiaisonPrincipal;
  bankName: string;
}

function liaisonsOf(banks: BankView[], contacts: LiaisonView[]): Contact[] {
  return banks.flatMap((bank) => {
    const l = contacts.find((c) => c.bankId === bank._id);
    if (!l) return [];
    const liaison: LiaisonPrincipal = {
      sub: l._id,
      role: 'liaison',
      bankId: bank._id,
      name: l.name ?? '联络员',
    };
    return [{ liaison, bankName: bank.shortName }];
  });
}

/** Idempotent: nothing happens when the demo's first session already exists. */
export async function loadDemo(deps: Deps): Promise<DemoReport> {
  const first = PAST_SESSIONS[0]?.title ?? FORUM_TITLE;
  if (await deps.sessions.existsWithTitle(first)) {
    return { loaded: false, sessions: 0, registrations: 0, forumsSkipped: false };
  }
  const report: DemoReport = { loaded: true, sessions: 0, registrations: 0, forumsSkipped: false };
  const now = deps.now();

  for (const past of PAST_SESSIONS) {
    const startsAt = morning(now, -past.daysAgo);
    const session = await schedule(at(deps, startsAt - 3 * DAY), {
      ...past.body,
      startsAt,
      endsAt: startsAt + past.hours * HOUR,
    });
    await raiseAll(deps, session, past.opinions);
    await completeSession(at(deps, startsAt + past.hours * HOUR), session._id);
    report.sessions += 1;
  }
  const visitAt = morning(now, 3);
  await schedule(deps, { ...ENTERPRISE_VISIT, startsAt: visitAt, endsAt: visitAt + HOUR });
  report.sessions += 1;

  const active = await deps.banks.activeBanks(12);
  const contacts = liaisonsOf(active, await deps.banks.activeLiaisons());
  if (contacts.length === 0) {
    report.forumsSkipped = true;
    return report;
  }
  const forumBody = (startsAt: number, title: string) => ({
    title,
    kind: 'bank_forum',
    format: 'open_forum',
    venue: FORUM_VENUE,
    organisingUnit: '香河县公安局反诈中心',
    // The console's demo officer (张民警, `demo-officer`) co-hosts the forums: their "my sessions".
    hostOfficerIds: ['demo-officer-antifraud', 'demo-officer'],
    capacity: 30,
    perBankQuota: 3,
    invitedBankIds: active.map((b) => b._id),
    audiences: ['bank_staff'],
    fraudTopics: ['fake_investment', 'impersonate_authority', 'task_rebate'],
    description: '无主席台、无讲稿：警银面对面交流涉诈资金拦截、可疑交易预警与柜面劝阻经验。',
    startsAt,
    endsAt: startsAt + 2 * HOUR,
  });

  // The first forum, a month ago: held, attended, rated, its requests followed up.
  const pastAt = morning(now, -30);
  const pastForum = await schedule(at(deps, pastAt - 7 * DAY), forumBody(pastAt, PAST_FORUM_TITLE));
  const attendees = [];
  for (const [i, { liaison, bankName }] of contacts.slice(0, 4).entries()) {
    const results = await registerAttendees(
      at(deps, pastAt - 5 * DAY),
      liaison,
      pastForum._id,
      demoAttendees(bankName, 2, 50 + i),
    );
    for (const r of results) if (r.ok) attendees.push(r.registration);
  }
  report.registrations += attendees.length;
  // Everyone but the last came (one no-show); the first three rated the session.
  for (const [i, reg] of attendees.slice(0, -1).entries()) {
    await checkIn(at(deps, pastAt - 10 * 60_000), reg._id, pastForum._id, {
      method: 'qr',
      officerId: null,
    });
    const ratings = PAST_FORUM_FEEDBACK[i];
    if (ratings) {
      const comment = ratings.attitude === 'red' ? '签到排队时间较长，现场引导不足' : null;
      await submitFeedback(at(deps, pastAt + HOUR), reg._id, pastForum._id, ratings, comment);
    }
  }
  await raiseAll(deps, pastForum, PAST_FORUM_OPINIONS);
  await completeSession(at(deps, pastAt + 2 * HOUR), pastForum._id);
  report.sessions += 1;

  // The open forum a week ahead: several banks register; the first registers more than its quota.
  const nextAt = morning(now, 7);
  const forum = await schedule(deps, forumBody(nextAt, FORUM_TITLE));
  for (const [i, { liaison, bankName }] of contacts.slice(0, 6).entries()) {
    const results = await registerAttendees(
      deps,
      liaison,
      forum._id,
      demoAttendees(bankName, i === 0 ? 5 : 2, i),
    );
    report.registrations += results.filter((r) => r.ok).length;
  }
  report.sessions += 1;
  return report;
}

async function schedule(
  deps: Deps,
  body: Record<string, unknown> & { startsAt: number; endsAt: number },
): Promise<SessionDoc> {
  return scheduleSession(
    deps,
    coordinator,
    ScheduleSessionBody.parse({
      ...body,
      startsAt: new Date(body.startsAt).toISOString(),
      endsAt: new Date(body.endsAt).toISOString(),
    }),
  );
}

async function raiseAll(deps: Deps, session: SessionDoc, opinions: DemoOpinion[]): Promise<void> {
  const host: StaffPrincipal = {
    sub: session.hostOfficerIds[0] ?? 'demo-officer',
    role: 'officer',
    name: '主持民警',
  };
  const heldAt = session.startsAt.getTime();
  for (const op of opinions) {
    const raised = await raiseOpinion(at(deps, heldAt + 30 * 60_000), host, session._id, {
      category: op.category,
      text: op.text,
      raisedBy: op.raisedBy,
      ownerId: op.ownerId,
      dueAt: new Date(heldAt + op.dueInDays * DAY).toISOString(),
    });
    if (op.resolution !== null) {
      await updateOpinion(at(deps, heldAt + DAY), raised._id, { status: 'in_progress' });
      await updateOpinion(at(deps, heldAt + 2 * DAY), raised._id, {
        status: 'resolved',
        resolutionNote: op.resolution,
      });
    }
  }
}

/**
 * The demo invites the partner banks, which arrive from lianxin.banks.v1: waits (bounded) for the
 * read model to hold them and their liaisons, then loads the demo.
 */
export async function loadDemoWhenBanksArrive(
  deps: Deps,
  signal: AbortSignal,
): Promise<DemoReport> {
  const deadline = Date.now() + 60_000;
  const ready = async () => {
    const { banks, liaisons } = await deps.banks.counts();
    return banks >= 12 && liaisons >= 12;
  };
  while (!(await ready()) && Date.now() < deadline) {
    if (signal.aborted) throw new Error('stopped');
    await new Promise((r) => setTimeout(r, 500));
  }
  const report = await loadDemo(deps);
  deps.log.info({ demo: report }, 'demo loaded');
  return report;
}
