// Use case: edit or reschedule a session — every scheduling rule is checked again on the result.
import { conflict } from '@lianxin/platform/http';
import { withEvents } from '@lianxin/platform/messaging';
import { bankRepository } from '../banks/bank.repository.ts';
import { seatLedger } from './seat-ledger.ts';
import { settleRegistration } from '../registrations/settle-registration.ts';
import type { Deps } from '../shared/deps.ts';
import { bankNotActive } from '../banks/bank.rules.ts';
import { sessionNotFound } from './session.rules.ts';
import { reserveSlots } from './reserve-slots.ts';
import { assertScheduled } from './session-access.ts';
import type { PatchSessionBody } from './session.schemas.ts';
import { sessionRescheduled, sessionUpdated } from './session.events.ts';
import { toSnapshot } from './session.view.ts';
import type { SessionCore, SessionDoc } from './session.model.ts';
import { assertInvitations, assertNotInPast, assertTiming, venueKey } from './session.rules.ts';
import { slotBooks } from './slot-books.ts';

const concurrentEdit = () =>
  conflict('CONFLICT', {
    zh: '活动刚被他人修改，请刷新后重试',
    en: 'The session was just changed by someone else; reload and retry',
  });

export async function updateSession(
  deps: Deps,
  sessionId: string,
  patch: PatchSessionBody,
): Promise<SessionDoc> {
  const { sessions, books, banks, liaisons } = deps.models;
  const current = await sessions.findById(sessionId).lean<SessionDoc>();
  if (!current) throw sessionNotFound();
  assertScheduled(current);
  const now = deps.now();

  const startsAt = patch.startsAt === undefined ? current.startsAt : new Date(patch.startsAt);
  const endsAt = patch.endsAt === undefined ? current.endsAt : new Date(patch.endsAt);
  const closedAtStart = current.registration.closesAt.getTime() === current.startsAt.getTime();
  const opensAt =
    patch.registration?.opensAt === undefined
      ? current.registration.opensAt
      : new Date(patch.registration.opensAt);
  const closesAt =
    patch.registration?.closesAt !== undefined
      ? new Date(patch.registration.closesAt)
      : closedAtStart
        ? startsAt
        : current.registration.closesAt;
  const next: SessionCore = {
    ...current,
    ...patch,
    startsAt,
    endsAt,
    registration: { opensAt, closesAt },
  };

  // The rules, as for a new session.
  assertNotInPast(startsAt, now);
  assertTiming({ startsAt, endsAt, opensAt, closesAt });
  assertInvitations(next.kind, next.invitedBankIds, next.perBankQuota);
  const dropped = current.invitedBankIds.filter((b) => !next.invitedBankIds.includes(b));
  if (dropped.length > 0) {
    throw conflict(
      'CONFLICT',
      { zh: '已邀请的银行不能撤销邀请', en: 'An invited bank cannot be un-invited' },
      [
        {
          path: 'invitedBankIds',
          rule: 'keep_invited',
          message: {
            zh: `将撤销邀请：${dropped.join('、')}`,
            en: `would un-invite ${dropped.join(', ')}`,
          },
        },
      ],
    );
  }
  const inactive = await bankRepository(banks, liaisons).notActive(next.invitedBankIds);
  if (inactive.length > 0) throw bankNotActive(inactive);

  const moved =
    startsAt.getTime() !== current.startsAt.getTime() ||
    endsAt.getTime() !== current.endsAt.getTime() ||
    venueKey(next.venue) !== venueKey(current.venue);
  const rebooked = moved || next.hostOfficerIds.join() !== current.hostOfficerIds.join();
  const previousPlan = {
    sessionId,
    venue: current.venue,
    hostOfficerIds: current.hostOfficerIds,
    startsAt: current.startsAt,
    endsAt: current.endsAt,
  };
  const slots = slotBooks(books, sessions);
  if (rebooked) {
    await reserveSlots(
      slots,
      sessions,
      { sessionId, venue: next.venue, hostOfficerIds: next.hostOfficerIds, startsAt, endsAt },
      now,
      previousPlan,
    );
  }

  // Capacity and quota belong to the seat ledger: changed there in one write with the promotions they allow.
  let promoted: string[] = [];
  if (next.capacity !== current.capacity || next.perBankQuota !== current.perBankQuota) {
    const resized = await seatLedger(sessions).resize(sessionId, next.capacity, next.perBankQuota);
    if (!resized.ok) {
      throw conflict(
        'CONFLICT',
        {
          zh: '名额不能少于已确认人数',
          en: 'Capacity and quota cannot go below what is already confirmed',
        },
        [
          {
            path: 'capacity',
            rule: 'min_confirmed',
            message: {
              zh: `已确认 ${resized.confirmed} 人，单行最多 ${resized.maxPerBank} 人`,
              en: `confirmed ${resized.confirmed}, most for one bank ${resized.maxPerBank}`,
            },
          },
        ],
      );
    }
    promoted = resized.promotions.map((p) => p.registrationId);
  }

  const snapshot = { ...toSnapshot(next), status: 'scheduled' as const };
  const event = moved
    ? sessionRescheduled({
        ...snapshot,
        previous: {
          startsAt: current.startsAt.toISOString(),
          endsAt: current.endsAt.toISOString(),
          venue: current.venue,
        },
      })
    : sessionUpdated(snapshot);
  const added = next.invitedBankIds.filter((b) => !current.invitedBankIds.includes(b));
  const res = await sessions.updateOne(
    { _id: sessionId, version: current.version, status: 'scheduled' },
    withEvents(
      {
        $set: {
          title: next.title,
          format: next.format,
          startsAt,
          endsAt,
          venue: next.venue,
          organisingUnit: next.organisingUnit,
          hostOfficerIds: next.hostOfficerIds,
          invitedBankIds: next.invitedBankIds,
          audiences: next.audiences,
          fraudTopics: next.fraudTopics,
          description: next.description,
          registration: { opensAt, closesAt },
        },
        ...(added.length > 0
          ? { $max: Object.fromEntries(added.map((b) => [`bankConfirmed.${b}`, 0])) }
          : {}),
      },
      [event],
    ),
  );
  if (res.matchedCount === 0) {
    if (rebooked)
      await reserveSlots(slots, sessions, previousPlan, now, {
        ...previousPlan,
        venue: next.venue,
        hostOfficerIds: next.hostOfficerIds,
      });
    throw concurrentEdit();
  }
  deps.wake();
  for (const id of promoted) await settleRegistration(deps, id);
  const after = await sessions.findById(sessionId).lean<SessionDoc>();
  if (!after) throw sessionNotFound();
  return after;
}
