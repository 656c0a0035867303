// The fraud-type and audience taxonomy shared by sessions (what they cover) and bulletins (what they are about).
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

/** The ten high-incidence types publicised by the national anti-fraud authorities, plus `other`. */
export const FraudType = labelledEnum({
  task_rebate: { zh: '刷单返利', en: 'Task and rebate scam' },
  fake_investment: { zh: '虚假投资理财', en: 'Fake investment' },
  fake_loan: { zh: '虚假网络贷款', en: 'Fake online loan' },
  fake_customer_service: {
    zh: '冒充电商物流客服',
    en: 'Fake e-commerce or courier customer service',
  },
  impersonate_authority: { zh: '冒充公检法', en: 'Impersonating police, prosecutors or courts' },
  fake_credit_repair: { zh: '虚假征信', en: 'Fake credit-record repair' },
  fake_game_trading: { zh: '网络游戏虚假交易', en: 'Fake online game trading' },
  online_romance: { zh: '网络婚恋交友', en: 'Online dating and romance scam' },
  impersonate_acquaintance: { zh: '冒充领导熟人', en: 'Impersonating a boss or acquaintance' },
  fake_shopping_service: { zh: '虚假购物服务', en: 'Fake shopping or services' },
  other: { zh: '其他类型', en: 'Other' },
});
export type FraudType = z.infer<typeof FraudType>;

export const Audience = labelledEnum({
  elderly: { zh: '老年人', en: 'Elderly people' },
  students: { zh: '在校学生', en: 'Students' },
  parents: { zh: '学生家长', en: 'Parents' },
  bank_staff: { zh: '银行网点工作人员', en: 'Bank branch staff' },
  enterprise_staff: { zh: '企业职工', en: 'Enterprise employees' },
  riders: { zh: '外卖快递骑手', en: 'Delivery and courier riders' },
  merchants: { zh: '商户', en: 'Merchants' },
  general_public: { zh: '社会公众', en: 'General public' },
});
export type Audience = z.infer<typeof Audience>;
