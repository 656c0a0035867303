// Codes for public opinions and requests (社情民意) raised at sessions and followed up to resolution.
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

export const OpinionCategory = labelledEnum({
  public_order: { zh: '社会治安', en: 'Public order' },
  internal_management: { zh: '内部管理', en: 'Internal management' },
  legal_service: { zh: '法律服务', en: 'Legal services' },
  traffic: { zh: '交通出行', en: 'Traffic' },
  fraud: { zh: '电信网络诈骗', en: 'Telecom and online fraud' },
  other: { zh: '其他', en: 'Other' },
});
export type OpinionCategory = z.infer<typeof OpinionCategory>;

/** Follow-up only moves forward: open → in_progress → resolved. */
export const OpinionStatus = labelledEnum({
  open: { zh: '待办理', en: 'Open' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已办结', en: 'Resolved' },
});
export type OpinionStatus = z.infer<typeof OpinionStatus>;
