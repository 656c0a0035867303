// One valid data payload per event type, for tests of this package: typed, so a new event must get one.
import type { z } from 'zod';
import type { BankReactivated, LiaisonSnapshot } from './banks.ts';
import type { BulletinSnapshot } from './bulletins.ts';
import type { EventMap, EventType } from './event-map.ts';
import type { OpinionSnapshot } from './opinions.ts';
import type { RegistrationSnapshot } from './registrations.ts';
import type { SessionScheduled } from './sessions.ts';
import type { SubscriptionSnapshot } from './subscriptions.ts';

const bankId = '65a1b2c3d4e5f60718293a01';
const sessionId = '65a1b2c3d4e5f60718293b01';
const registrationId = '65a1b2c3d4e5f60718293c01';

const bank: z.input<typeof BankReactivated> = {
  id: bankId,
  code: 'ICBC-XH',
  name: { zh: '中国工商银行香河支行', en: 'ICBC Xianghe Sub-branch' },
  shortName: '工行香河支行',
  type: 'state_owned',
  district: '香河县',
  status: 'active',
  suspension: null,
};

const liaison: z.input<typeof LiaisonSnapshot> = {
  bankId,
  liaisonId: '65a1b2c3d4e5f60718293a02',
  name: '李娜',
  mobile: '13812345678',
  email: 'li.na@icbc.example.com',
  title: '运营主管',
  role: 'primary',
  active: true,
};

const venue = { name: '县公安局三楼会议室', address: '香河县新华大街1号' };

const session: z.input<typeof SessionScheduled> = {
  id: sessionId,
  title: '银警反诈恳谈会',
  kind: 'bank_forum',
  format: 'open_forum',
  startsAt: '2025-04-10T01:30:00.000Z',
  endsAt: '2025-04-10T03:30:00.000Z',
  venue,
  organisingUnit: '香河县公安局反诈中心',
  hostOfficerIds: ['officer-zhang'],
  capacity: 40,
  perBankQuota: 4,
  invitedBankIds: [bankId],
  audiences: ['bank_staff'],
  fraudTopics: ['fake_investment', 'impersonate_authority'],
  status: 'scheduled',
  registration: { opensAt: '2025-04-01T00:00:00.000Z', closesAt: '2025-04-10T01:30:00.000Z' },
};

const registration: Omit<z.input<typeof RegistrationSnapshot>, 'status' | 'waitlist'> = {
  registrationId,
  sessionId,
  bankId,
  attendee: {
    name: '王强',
    mobile: '13912345678',
    email: null,
    position: '大堂经理',
    branch: '香河支行营业部',
  },
  registeredBy: liaison.liaisonId,
  registeredAt: '2025-04-02T02:00:00.000Z',
};

const checkInToken = 'eyJhbGciOiJIUzI1NiJ9.eyJyIjoiNjVhMSJ9.c2lnbmF0dXJl';

const opinion: Omit<z.input<typeof OpinionSnapshot>, 'status' | 'resolutionNote' | 'resolvedAt'> = {
  id: '65a1b2c3d4e5f60718293d01',
  sessionId,
  category: 'fraud',
  text: '希望增加针对老年客户的防骗宣传材料',
  raisedBy: '工行香河支行运营主管',
  recordedBy: 'officer-zhang',
  ownerId: 'officer-liu',
  dueAt: '2025-04-24T09:00:00.000Z',
};

const bulletin: Omit<z.input<typeof BulletinSnapshot>, 'status'> = {
  id: '65a1b2c3d4e5f60718293e01',
  version: 1,
  title: '“高收益理财群”骗走退休教师积蓄',
  fraudType: 'fake_investment',
  audiences: ['elderly', 'bank_staff'],
  caseDate: '2025-03-02',
  region: '香河县淑阳镇',
  lossFen: 38_000_000,
  summary: '受害人被拉入所谓“理财群”，在虚假平台上多次转账后无法提现。',
  warningSigns: ['陌生人拉入投资群', '承诺稳赚不赔、高额回报'],
  advice: ['投资理财认准正规金融机构', '遇到可疑情况拨打96110'],
  authorId: 'officer-zhao',
  reviewerId: 'officer-sun',
  publishedAt: '2025-03-20T02:00:00.000Z',
};

const subscription: z.input<typeof SubscriptionSnapshot> = {
  id: '65a1b2c3d4e5f60718293f01',
  subscriber: {
    id: liaison.liaisonId,
    role: 'liaison',
    bankId,
    name: '李娜',
    email: null,
  },
  fraudTypes: ['fake_investment', 'impersonate_authority'],
  audiences: [],
  language: 'zh',
  createdAt: '2025-03-01T02:00:00.000Z',
};

const account = {
  accountId: liaison.liaisonId,
  role: 'liaison',
  bankId,
  name: '李娜',
  email: 'li.na@icbc.example.com',
  language: 'zh',
} as const;

export const samples: { [K in EventType]: z.input<EventMap[K]> } = {
  'bank.registered': bank,
  'bank.updated': { ...bank, shortName: '工行香河' },
  'bank.suspended': {
    ...bank,
    status: 'suspended',
    suspension: { reason: '网点装修暂停合作', suspendedAt: '2025-05-01T00:00:00.000Z' },
  },
  'bank.reactivated': bank,
  'liaison.added': liaison,
  'liaison.updated': { ...liaison, title: null },
  'liaison.removed': { bankId, liaisonId: liaison.liaisonId },
  'session.scheduled': session,
  'session.rescheduled': {
    ...session,
    previous: { startsAt: '2025-04-09T01:30:00.000Z', endsAt: '2025-04-09T03:30:00.000Z', venue },
  },
  'session.updated': { ...session, title: '银警恳谈会（调整议程）', capacity: 80 },
  'session.cancelled': {
    ...session,
    status: 'cancelled',
    cancellation: {
      reason: '因天气原因取消',
      cancelledBy: 'officer-zhang',
      cancelledAt: '2025-04-08T00:00:00.000Z',
    },
  },
  'session.completed': {
    ...session,
    status: 'completed',
    completedAt: '2025-04-10T03:30:00.000Z',
  },
  'registration.confirmed': { ...registration, status: 'confirmed', waitlist: null, checkInToken },
  'registration.waitlisted': {
    ...registration,
    status: 'waitlisted',
    waitlist: { position: 2, reason: 'bank_quota' },
  },
  'registration.promoted': {
    ...registration,
    status: 'confirmed',
    waitlist: null,
    checkInToken,
    promotedFrom: { position: 1, reason: 'capacity' },
  },
  'registration.cancelled': {
    ...registration,
    status: 'cancelled',
    waitlist: null,
    cancellation: {
      reason: 'withdrawn',
      cancelledBy: liaison.liaisonId,
      cancelledAt: '2025-04-05T00:00:00.000Z',
    },
  },
  'attendance.checked_in': {
    registrationId,
    sessionId,
    bankId,
    checkedInAt: '2025-04-10T01:20:00.000Z',
    method: 'qr',
    checkedInBy: null,
  },
  'feedback.submitted': {
    sessionId,
    registrationId,
    bankId,
    ratings: { attitude: 'blue', tone: 'blue', expression: 'yellow' },
    comment: '讲得很实在',
    submittedAt: '2025-04-10T03:40:00.000Z',
  },
  'feedback.followed_up': {
    sessionId,
    registrationId,
    bankId,
    closedBy: 'officer-zhang',
    closedAt: '2025-04-12T02:00:00.000Z',
    action: '已与主讲民警复盘讲解方式，下期增加互动环节',
  },
  'opinion.raised': { ...opinion, status: 'open', resolutionNote: null, resolvedAt: null },
  'opinion.updated': { ...opinion, status: 'in_progress', resolutionNote: null, resolvedAt: null },
  'opinion.resolved': {
    ...opinion,
    status: 'resolved',
    resolutionNote: '已向各网点发放老年人防骗宣传折页',
    resolvedAt: '2025-04-20T08:00:00.000Z',
  },
  'bulletin.published': { ...bulletin, status: 'published' },
  'bulletin.retracted': {
    ...bulletin,
    status: 'retracted',
    retraction: {
      reason: '案情细节需核实',
      retractedBy: 'officer-sun',
      retractedAt: '2025-03-21T02:00:00.000Z',
    },
  },
  'subscription.created': subscription,
  'subscription.removed': {
    id: subscription.id,
    subscriber: { id: liaison.liaisonId, role: 'liaison', bankId },
    removedBy: liaison.liaisonId,
    removedAt: '2025-06-01T02:00:00.000Z',
  },
  'account.activation_requested': {
    ...account,
    link: { url: 'https://lianxin.example.cn/activate/abc123', expiresAt: '2025-04-03T02:00:00Z' },
  },
  'account.password_reset_requested': {
    ...account,
    language: 'en',
    link: { url: 'https://lianxin.example.cn/reset/def456', expiresAt: '2025-04-02T03:00:00Z' },
  },
};
