// Use case: schedule a session — rules, then the venue and officers booked, then the session with its first event.
import type { StaffPrincipal } from '@lianxin/platform/auth';
import type { Deps } from '../shared/deps.ts';
import { bankNotActive } from '../banks/bank.rules.ts';
import { newId } from '@lianxin/platform/db';
import { releaseSlots, reserveSlots } from './reserve-slots.ts';
import type { ScheduleSessionBody } from './session.schemas.ts';
import { sessionScheduled } from './session.events.ts';
import { toSnapshot } from './session.view.ts';
import type { SessionCore, SessionDoc } from './session.model.ts';
import { assertInvitations, assertNotInPast, assertTiming } from './session.rules.ts';

export async function scheduleSession(
  deps: Deps,
  by: StaffPrincipal,
  input: ScheduleSessionBody,
): Promise<SessionDoc> {
  const now = deps.now();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const opensAt =
    input.registration.opensAt === undefined ? now : new Date(input.registration.opensAt);
  const closesAt =
    input.registration.closesAt === undefined ? startsAt : new Date(input.registration.closesAt);
  assertNotInPast(startsAt, now);
  assertTiming({ startsAt, endsAt, opensAt, closesAt });
  assertInvitations(input.kind, input.invitedBankIds, input.perBankQuota);
  const inactive = await deps.banks.notActive(input.invitedBankIds);
  if (inactive.length > 0) throw bankNotActive(inactive);

  const id = newId();
  const plan = {
    sessionId: id,
    venue: input.venue,
    hostOfficerIds: input.hostOfficerIds,
    startsAt,
    endsAt,
  };
  await reserveSlots(deps.slots, plan, now);

  const fields: SessionCore = {
    _id: id,
    title: input.title,
    kind: input.kind,
    format: input.format,
    startsAt,
    endsAt,
    venue: input.venue,
    organisingUnit: input.organisingUnit,
    hostOfficerIds: input.hostOfficerIds,
    capacity: input.capacity,
    perBankQuota: input.perBankQuota,
    invitedBankIds: input.invitedBankIds,
    audiences: input.audiences,
    fraudTopics: input.fraudTopics,
    description: input.description,
    status: 'scheduled',
    registration: { opensAt, closesAt },
    cancellation: null,
    completedAt: null,
    scheduledBy: by.sub,
    cancellingRegistrations: false,
    seatHolders: [],
    queue: [],
    confirmedCount: 0,
    bankConfirmed: Object.fromEntries(input.invitedBankIds.map((b) => [b, 0])),
    queueLen: 0,
    seatRev: 0,
  };
  const event = sessionScheduled({ ...toSnapshot(fields), status: 'scheduled' });
  try {
    return await deps.sessions.insert(fields, [event]);
  } catch (error) {
    await releaseSlots(deps.slots, plan);
    throw error;
  }
}
