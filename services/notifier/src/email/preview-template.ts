// Previews a template with sample data: what a coordinator sees in GET /templates/:name/preview.
import type { Deps } from '../shared/deps.ts';
import { composeEmail } from './compose-email.ts';
import type {
  EmailContent,
  Language,
  RenderedEmail,
  SessionInfo,
  TemplateDataMap,
  TemplateName,
} from './email.schemas.ts';

const session: SessionInfo = {
  id: '65a1b2c3d4e5f60718293b01',
  title: '银警反诈恳谈会（第四期）',
  startsAt: '2026-12-10T01:30:00.000Z',
  endsAt: '2026-12-10T03:30:00.000Z',
  venue: { name: '县公安局三楼会议室', address: '香河县新华大街1号' },
  organisingUnit: '香河县公安局反诈中心',
  revision: 0,
};

const checkInToken = 'sample.check-in.token-0123456789';

export const TEMPLATE_SAMPLES: { [K in TemplateName]: TemplateDataMap[K] } = {
  invitation: {
    session,
    liaisonName: '李娜',
    bankName: '中国工商银行香河支行',
    registrationClosesAt: '2026-12-09T10:00:00.000Z',
    capacity: 60,
    perBankQuota: 5,
  },
  confirmation: { session, attendeeName: '王芳', liaisonName: null, checkInToken },
  waitlisted: {
    session,
    attendeeName: '王芳',
    liaisonName: '李娜',
    position: 3,
    reason: 'bank_quota',
  },
  promoted: { session, attendeeName: '王芳', liaisonName: null, checkInToken },
  rescheduled: {
    session: { ...session, revision: 1 },
    previous: {
      startsAt: '2026-12-09T01:30:00.000Z',
      endsAt: '2026-12-09T03:30:00.000Z',
      venue: session.venue,
    },
    recipientName: '王芳',
  },
  cancelled: { session, recipientName: '王芳', reason: '因寒潮预警，活动取消' },
  reminder: { session, attendeeName: '王芳', liaisonName: null, checkInToken },
  bulletin: {
    bulletin: {
      id: '65a1b2c3d4e5f60718293e01',
      version: 2,
      title: '“高收益理财群”骗走退休教师积蓄',
      fraudType: 'fake_investment',
      audiences: ['elderly', 'bank_staff'],
      caseDate: '2026-11-02',
      region: '香河县淑阳镇',
      lossFen: 38_000_000,
      summary: '受害人被拉入所谓“理财群”，在虚假平台上多次转账后无法提现。',
      warningSigns: ['陌生人拉入投资群', '承诺稳赚不赔、高额回报'],
      advice: ['投资理财认准正规金融机构', '遇到可疑情况拨打96110'],
      publishedAt: '2026-11-20T02:00:00.000Z',
    },
    recipientName: '李娜',
    unsubscribeUrl: 'http://127.0.0.1:4104/unsubscribe/sample-token',
  },
  activation: {
    name: '李娜',
    role: 'liaison',
    url: 'https://lianxin.example.cn/activate/sample',
    expiresAt: '2026-12-03T02:00:00.000Z',
  },
  password_reset: {
    name: '张伟',
    role: 'coordinator',
    url: 'https://lianxin.example.cn/reset/sample',
    expiresAt: '2026-12-01T03:00:00.000Z',
  },
  digest: {
    coordinatorName: '张伟',
    weekStart: '2026-11-22T16:00:00.000Z',
    weekEnd: '2026-11-29T15:59:59.999Z',
    sessionsHeld: [
      { title: '校园反诈讲座', startsAt: '2026-11-24T06:00:00.000Z', reached: 120, red: 0 },
      { title: '外卖骑手平安配送宣讲', startsAt: '2026-11-26T09:00:00.000Z', reached: 35, red: 1 },
    ],
    peopleReached: 155,
    redFeedback: 1,
    openOpinions: [
      {
        category: 'traffic',
        text: '学校门口早高峰电动车乱停放',
        dueAt: '2026-11-28T09:00:00.000Z',
        overdue: true,
      },
    ],
  },
};

export function previewTemplate(
  deps: Deps,
  name: TemplateName,
  lang: Language,
): Promise<RenderedEmail> {
  const content: unknown = { template: name, data: TEMPLATE_SAMPLES[name] };
  return composeEmail(content as EmailContent, {
    templates: deps.templates,
    from: deps.settings.from,
    recipient: { email: 'preview@lianxin.local', name: null },
    lang,
  });
}
