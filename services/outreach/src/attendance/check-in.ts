// Use case: check an attendee in — by their signed token or by an officer — from an hour before the start to the end, once.
import type { CheckInMethod } from '@lianxin/contracts';
import { badRequest, conflict } from '@lianxin/platform/errors';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import type { Deps } from '../shared/deps.ts';
import { registrationNotFound } from '../registrations/registration.rules.ts';
import { verifyCheckInToken } from '../registrations/check-in-token.ts';

const OPENS_BEFORE_START_MS = 3_600_000;

export const invalidToken = () =>
  badRequest('INVALID_CHECK_IN_TOKEN', { zh: '签到码无效', en: 'The check-in code is not valid' }, [
    {
      path: 'token',
      rule: 'signature',
      message: { zh: '签到码无效', en: 'not a valid check-in token' },
    },
  ]);

export function resolveToken(
  deps: Deps,
  token: string,
): { registrationId: string; sessionId: string } {
  const ids = verifyCheckInToken(deps.settings.checkInSecret, token);
  if (ids === null) throw invalidToken();
  return ids;
}

export async function checkIn(
  deps: Deps,
  registrationId: string,
  sessionId: string,
  /** `qr` with no officer: the attendee scanned themself in; with one, an officer scanned their code. */
  by: { method: CheckInMethod; officerId: string | null },
): Promise<RegistrationDoc> {
  const session = await deps.sessions.getOrThrow(sessionId);
  const reg = await deps.registrations.findInSession(registrationId, sessionId, null);
  if (!reg) throw registrationNotFound();
  const now = deps.now();
  const opensAt = new Date(session.startsAt.getTime() - OPENS_BEFORE_START_MS);
  if (session.status === 'cancelled' || now < opensAt || now > session.endsAt) {
    throw conflict(
      'CHECK_IN_NOT_OPEN',
      {
        zh: '不在签到时间内（活动开始前一小时至结束）',
        en: 'Check-in is open from one hour before the start to the end',
      },
      [
        {
          path: '',
          rule: 'window',
          message: { zh: '不在签到时间内', en: 'outside the check-in window' },
          opensAt: opensAt.toISOString(),
          closesAt: session.endsAt.toISOString(),
        },
      ],
    );
  }
  if (reg.checkIn !== null) throw alreadyCheckedIn(reg.checkIn.at);
  if (reg.status !== 'confirmed') {
    throw conflict('CONFLICT', {
      zh: '该报名未确认，不能签到',
      en: 'Only a confirmed registration can check in',
    });
  }
  const record = { at: now, method: by.method, by: by.officerId };
  // Once: the write only matches while nobody has checked this registration in.
  if (!(await deps.registrations.recordCheckIn(reg, record))) {
    const first = await deps.registrations.findById(reg._id);
    if (first?.checkIn) throw alreadyCheckedIn(first.checkIn.at);
    throw conflict('CONFLICT', { zh: '该报名已取消', en: 'The registration was cancelled' });
  }
  return { ...reg, checkIn: record };
}

function alreadyCheckedIn(at: Date) {
  return conflict(
    'ALREADY_CHECKED_IN',
    { zh: `已于 ${at.toISOString()} 签到`, en: `Already checked in at ${at.toISOString()}` },
    [
      {
        path: '',
        rule: 'once',
        message: { zh: '已签到', en: 'already checked in' },
        checkedInAt: at.toISOString(),
      },
    ],
  );
}
