// Use case: edit or reschedule a session — every scheduling rule checked again on the result, and all of it written or none (ADR 018).
import { conflict, type AppError } from '@lianxin/platform/errors';
import { settleRegistration } from '../registrations/settle-registration.ts';
import type { Deps } from '../shared/deps.ts';
import { releaseUnusedSlots, reserveSlots, undoSlots, type SlotPlan } from './reserve-slots.ts';
import { assertScheduled } from './session-access.ts';
import type { PatchSessionBody } from './session.schemas.ts';
import { sessionRescheduled, sessionUpdated } from './session.events.ts';
import { toSnapshot } from './session.view.ts';
import type { SessionCore, SessionDoc } from './session.model.ts';
import { planResize } from './seat-ledger.ts';
import {
  assertInvitations,
  assertNotInPast,
  assertTiming,
  sessionNotScheduled,
  venueKey,
} from './session.rules.ts';
import { bankNotActive } from '../banks/bank.rules.ts';

/** How often the final write is tried again when only seats changed hands meanwhile. */
const SEAT_RETRIES = 20;

const concurrentEdit = (): AppError =>
  conflict('CONFLICT', {
    zh: '活动刚被他人修改，请刷新后重试',
    en: 'The session was just changed by someone else; reload and retry',
  });

const belowConfirmed = (confirmed: number, maxPerBank: number): AppError =>
  conflict(
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
          zh: `已确认 ${confirmed} 人，单行最多 ${maxPerBank} 人`,
          en: `confirmed ${confirmed}, most for one bank ${maxPerBank}`,
        },
      },
    ],
  );

/** The session as the edit would leave it (rules checked on this). */
function edited(current: SessionDoc, patch: PatchSessionBody): SessionCore {
  const { version: _version, registration, startsAt: s, endsAt: e, ...fields } = patch;
  const startsAt = s === undefined ? current.startsAt : new Date(s);
  const endsAt = e === undefined ? current.endsAt : new Date(e);
  const closedAtStart = current.registration.closesAt.getTime() === current.startsAt.getTime();
  const opensAt =
    registration?.opensAt === undefined
      ? current.registration.opensAt
      : new Date(registration.opensAt);
  const closesAt =
    registration?.closesAt !== undefined
      ? new Date(registration.closesAt)
      : closedAtStart
        ? startsAt
        : current.registration.closesAt;
  return { ...current, ...fields, startsAt, endsAt, registration: { opensAt, closesAt } };
}

/**
 * `patch.version`, when given, is the version the caller read: a session changed since answers 409.
 * Edits of one session run one at a time under its edit lock; the lock holder books the slots, then
 * writes the edit, its capacity change with the promotions it allows and its event in ONE update
 * conditioned on the version and the seat ledger it read. An edit that loses changes nothing.
 */
export async function updateSession(
  deps: Deps,
  sessionId: string,
  patch: PatchSessionBody,
): Promise<SessionDoc> {
  const current = await deps.sessions.getOrThrow(sessionId);
  assertScheduled(current);
  if (patch.version !== undefined && patch.version !== current.version) throw concurrentEdit();
  const now = deps.now();
  const next = edited(current, patch);
  const { startsAt, endsAt, registration } = next;

  // The rules, as for a new session.
  assertNotInPast(startsAt, now);
  assertTiming({ startsAt, endsAt, ...registration });
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
  const inactive = await deps.banks.notActive(next.invitedBankIds);
  if (inactive.length > 0) throw bankNotActive(inactive);
  const resizing = next.capacity !== current.capacity || next.perBankQuota !== current.perBankQuota;
  if (resizing) {
    const check = planResize(current, next.capacity, next.perBankQuota);
    if (!check.ok) throw belowConfirmed(check.confirmed, check.maxPerBank);
  }

  const lock = await deps.sessions.lockForEdit(sessionId, current.version, now);
  if (lock === null) throw concurrentEdit();
  const moved =
    startsAt.getTime() !== current.startsAt.getTime() ||
    endsAt.getTime() !== current.endsAt.getTime() ||
    venueKey(next.venue) !== venueKey(current.venue);
  const rebooked = moved || next.hostOfficerIds.join() !== current.hostOfficerIds.join();
  const previous: SlotPlan = { sessionId, ...current };
  const plan: SlotPlan = { sessionId, ...next };
  let written = false;
  try {
    if (rebooked) await reserveSlots(deps.slots, plan, now, previous);
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
    const set = {
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
      registration,
    };
    const max = Object.fromEntries(added.map((b) => [`bankConfirmed.${b}`, 0]));
    let ledger: SessionDoc = current;
    let promoted: string[] = [];
    for (let attempt = 0; attempt < SEAT_RETRIES && !written; attempt += 1) {
      if (attempt > 0) {
        // Only seats may have moved (we hold the lock): read the ledger again and re-plan.
        const fresh = await deps.sessions.findById(sessionId);
        if (!fresh || fresh.version !== current.version) break;
        if (fresh.status !== 'scheduled') throw sessionNotScheduled(fresh.status);
        ledger = fresh;
      }
      const seats = resizing ? planResize(ledger, next.capacity, next.perBankQuota) : undefined;
      if (seats !== undefined && !seats.ok) throw belowConfirmed(seats.confirmed, seats.maxPerBank);
      written = await deps.sessions.applyEdit(
        { _id: sessionId, version: current.version, seatRev: ledger.seatRev },
        lock,
        {
          set: { ...set, ...(seats?.set ?? {}) },
          ...(seats === undefined ? {} : { inc: seats.inc, pullAll: seats.pullAll }),
          max,
        },
        event,
      );
      promoted = seats?.promotions.map((p) => p.registrationId) ?? [];
    }
    if (!written) throw concurrentEdit();
    if (rebooked) await releaseUnusedSlots(deps.slots, plan, previous);
    for (const id of promoted) await settleRegistration(deps, id);
    return await deps.sessions.getOrThrow(sessionId);
  } finally {
    if (!written) {
      if (rebooked) await undoSlots(deps.slots, plan, previous, now);
      await deps.sessions.unlock(sessionId, lock);
    }
  }
}
