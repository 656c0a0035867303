// Codes that describe an outreach session: what kind it is, how it is held, where it stands.
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

export const SessionKind = labelledEnum({
  bank_forum: { zh: '银警座谈会', en: 'Bank–police forum' },
  campus: { zh: '校园宣讲', en: 'Campus talk' },
  enterprise: { zh: '企业走访', en: 'Enterprise visit' },
  delivery_riders: { zh: '外卖快递骑手宣讲', en: 'Delivery rider talk' },
  ebike_retail: { zh: '电动车门店宣讲', en: 'E-bike shop talk' },
  community: { zh: '社区宣传活动', en: 'Community event' },
  market: { zh: '早市集市宣传', en: 'Market talk' },
  traffic_safety: { zh: '交通安全检查', en: 'Traffic safety check' },
  other: { zh: '其他', en: 'Other' },
});
export type SessionKind = z.infer<typeof SessionKind>;

export const SessionFormat = labelledEnum({
  open_forum: { zh: '恳谈会（无主席台、无讲稿）', en: 'Open forum (no podium, no script)' },
  talk: { zh: '宣讲', en: 'Talk' },
  visit: { zh: '走访', en: 'Visit' },
});
export type SessionFormat = z.infer<typeof SessionFormat>;

export const SessionStatus = labelledEnum({
  scheduled: { zh: '待举办', en: 'Scheduled' },
  completed: { zh: '已举办', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export type SessionStatus = z.infer<typeof SessionStatus>;
