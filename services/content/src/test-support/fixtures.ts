// Request bodies and event snapshots for the content tests: valid by default, overridable field by field.
import { SessionScheduled } from '@lianxin/contracts';
import type { PrincipalInput } from '@lianxin/platform/auth';
import type { StaffRoleName } from '@lianxin/testing';
import { Types } from 'mongoose';

/** A named member of police staff, for `h.as(staff('officer-zhao', 'officer', '赵警官'))`. */
export function staff(sub: string, role: StaffRoleName, name: string): PrincipalInput {
  return { sub, role, name };
}

/** A complete, valid bulletin body with nothing personal in it; `extra` overrides fields. */
export function bulletinBody(extra: Record<string, unknown> = {}) {
  return {
    title: '冒充客服“退款”骗局',
    fraudType: 'fake_customer_service',
    summary: '受害人接到自称客服的电话，被诱导开启屏幕共享后被转走存款。',
    body: '## 经过\n\n对方准确报出订单信息，取得信任。',
    caseDate: '2025-03-01',
    region: '香河县',
    lossFen: 1_200_000,
    victimProfile: { ageBand: '30_44', occupation: '外卖骑手' },
    warningSigns: ['主动来电要退款', '要求屏幕共享'],
    advice: ['只在官方APP办理退款'],
    audiences: ['riders', 'general_public'],
    ...extra,
  };
}

/** A valid session.scheduled snapshot with a fresh id; `extra` overrides fields. */
export function sessionSnapshot(extra: Partial<SessionScheduled> = {}): SessionScheduled {
  return SessionScheduled.parse({
    id: new Types.ObjectId().toHexString(),
    title: '银警反诈恳谈会',
    kind: 'bank_forum',
    format: 'open_forum',
    startsAt: '2026-12-10T01:30:00.000Z',
    endsAt: '2026-12-10T03:30:00.000Z',
    venue: { name: '县公安局三楼会议室', address: '香河县新华大街1号' },
    organisingUnit: '香河县公安局反诈中心',
    hostOfficerIds: ['officer-zhang'],
    capacity: 40,
    perBankQuota: 4,
    invitedBankIds: ['65a1b2c3d4e5f60718293a01'],
    audiences: ['bank_staff'],
    fraudTopics: ['fake_investment'],
    status: 'scheduled',
    registration: { opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-10T01:30:00.000Z' },
    ...extra,
  });
}
