// Pure scheduling rules and their errors: times in the future and in order, forums invite banks, a registration window inside them.
import type { SessionKind } from '@lianxin/contracts';
import {
  badRequest,
  conflict,
  invalidField,
  notFound,
  type AppError,
} from '@lianxin/platform/errors';

export const sessionNotFound = (): AppError =>
  notFound({ zh: '活动不存在', en: 'The session does not exist' });

export const sessionNotScheduled = (status: string): AppError =>
  conflict(
    'SESSION_NOT_SCHEDULED',
    { zh: '活动已取消或已举办，无法操作', en: 'The session is no longer scheduled' },
    [
      {
        path: 'status',
        rule: 'state',
        message: { zh: `活动状态为 ${status}`, en: `status is ${status}` },
        status,
      },
    ],
  );

export interface Timing {
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  closesAt: Date;
}

export function assertNotInPast(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw badRequest(
      'SESSION_IN_PAST',
      { zh: '活动开始时间不能早于当前时间', en: 'A session cannot start in the past' },
      [
        {
          path: 'startsAt',
          rule: 'future',
          message: { zh: '开始时间必须晚于当前时间', en: 'startsAt is not in the future' },
        },
      ],
    );
  }
}

export function assertTiming(t: Timing): void {
  if (t.endsAt.getTime() <= t.startsAt.getTime()) {
    throw invalidField(['endsAt'], {
      zh: '结束时间必须晚于开始时间',
      en: 'endsAt must be after startsAt',
    });
  }
  if (t.closesAt.getTime() > t.startsAt.getTime()) {
    throw invalidField(['registration', 'closesAt'], {
      zh: '报名截止时间不能晚于活动开始',
      en: 'Registration must close by the start',
    });
  }
  if (t.opensAt.getTime() >= t.closesAt.getTime()) {
    throw invalidField(['registration', 'opensAt'], {
      zh: '报名开始时间必须早于截止时间',
      en: 'Registration must open before it closes',
    });
  }
}

/** A bank forum invites at least one bank; other kinds invite none (nobody registers through a liaison there). */
export function assertInvitations(
  kind: SessionKind,
  invitedBankIds: readonly string[],
  perBankQuota: number | null,
): void {
  if (kind === 'bank_forum' && invitedBankIds.length === 0) {
    throw invalidField(['invitedBankIds'], {
      zh: '银警座谈会至少邀请一家银行',
      en: 'A bank forum invites at least one bank',
    });
  }
  if (kind !== 'bank_forum' && invitedBankIds.length > 0) {
    throw invalidField(['invitedBankIds'], {
      zh: '只有银警座谈会邀请银行',
      en: 'Only bank forums invite banks',
    });
  }
  if (kind !== 'bank_forum' && perBankQuota !== null) {
    throw invalidField(['perBankQuota'], {
      zh: '只有银警座谈会设置每行名额',
      en: 'Only bank forums have a per-bank quota',
    });
  }
  if (new Set(invitedBankIds).size !== invitedBankIds.length) {
    throw invalidField(['invitedBankIds'], {
      zh: '邀请的银行有重复',
      en: 'A bank is invited twice',
    });
  }
}

/** `[a, b)` and `[c, d)` share an instant. */
export function overlaps(
  a: { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The same venue however it was typed: case, spaces and full-width spaces do not make two venues. */
export function venueKey(venue: { name: string; address: string }): string {
  const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return `venue:${norm(venue.name)}|${norm(venue.address)}`;
}

export function officerKey(officerId: string): string {
  return `officer:${officerId}`;
}
