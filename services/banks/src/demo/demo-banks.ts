// The demo's 12 partner banks of the Xianghe County anti-fraud center: county branches of the large
// state-owned and joint-stock banks, Postal Savings, a city commercial bank and the local rural
// commercial bank. Liaisons are invented people; mobiles are 1380000xxxx, emails under example.com.
import type { BankType } from '@lianxin/contracts';

export interface DemoBank {
  code: string;
  name: { zh: string; en: string };
  shortName: string;
  type: BankType;
  district: string;
  address: string;
  partnerSince: string;
  branch: { name: string; address: string; phone: string };
  liaison: { name: string; title: string; mobile: string; email: string };
}

const bank = (
  code: string,
  zh: string,
  en: string,
  shortName: string,
  type: BankType,
  district: string,
  street: string,
  liaison: [name: string, title: string],
  n: number,
): DemoBank => ({
  code,
  name: { zh, en },
  shortName,
  type,
  district,
  address: `河北省廊坊市香河县${district}${street}`,
  partnerSince: `2025-0${(n % 9) + 1}-15`,
  branch: {
    name: `${shortName}营业部`,
    address: `河北省廊坊市香河县${district}${street}`,
    phone: `0316-83${String(10000 + n * 137).slice(1)}`,
  },
  liaison: {
    name: liaison[0],
    title: liaison[1],
    mobile: `1380000${String(n).padStart(4, '0')}`,
    email: `liaison.${code.toLowerCase()}@bank.example.com`,
  },
});

export const DEMO_BANKS: readonly DemoBank[] = [
  bank(
    'ICBC-XH',
    '中国工商银行香河支行',
    'ICBC Xianghe Sub-branch',
    '工行香河支行',
    'state_owned',
    '淑阳镇',
    '新华大街88号',
    ['王丽', '运营主管'],
    1,
  ),
  bank(
    'ABC-XH',
    '中国农业银行香河县支行',
    'ABC Xianghe County Sub-branch',
    '农行香河支行',
    'state_owned',
    '淑阳镇',
    '秀水街120号',
    ['张伟', '个人金融部经理'],
    2,
  ),
  bank(
    'BOC-XH',
    '中国银行香河支行',
    'Bank of China Xianghe Sub-branch',
    '中行香河支行',
    'state_owned',
    '淑阳镇',
    '新开街56号',
    ['李娜', '内控合规经理'],
    3,
  ),
  bank(
    'CCB-XH',
    '中国建设银行香河支行',
    'CCB Xianghe Sub-branch',
    '建行香河支行',
    'state_owned',
    '淑阳镇',
    '香椿路18号',
    ['刘洋', '网点负责人'],
    4,
  ),
  bank(
    'BOCOM-XH',
    '交通银行香河支行',
    'Bank of Communications Xianghe Sub-branch',
    '交行香河支行',
    'state_owned',
    '淑阳镇',
    '运河大道9号',
    ['陈静', '运营经理'],
    5,
  ),
  bank(
    'PSBC-XH',
    '中国邮政储蓄银行香河县支行',
    'PSBC Xianghe County Sub-branch',
    '邮储香河支行',
    'postal_savings',
    '蒋辛屯镇',
    '建设路33号',
    ['杨帆', '三农金融部主管'],
    6,
  ),
  bank(
    'CITIC-XH',
    '中信银行香河支行',
    'China CITIC Bank Xianghe Sub-branch',
    '中信香河支行',
    'joint_stock',
    '淑阳镇',
    '光明东路66号',
    ['赵磊', '零售业务主管'],
    7,
  ),
  bank(
    'CMBC-XH',
    '中国民生银行香河支行',
    'China Minsheng Bank Xianghe Sub-branch',
    '民生香河支行',
    'joint_stock',
    '淑阳镇',
    '新华大街210号',
    ['黄敏', '运营主管'],
    8,
  ),
  bank(
    'CIB-XH',
    '兴业银行香河支行',
    'Industrial Bank Xianghe Sub-branch',
    '兴业香河支行',
    'joint_stock',
    '淑阳镇',
    '秀水街15号',
    ['周强', '综合管理部经理'],
    9,
  ),
  bank(
    'HXB-XH',
    '华夏银行香河支行',
    'Hua Xia Bank Xianghe Sub-branch',
    '华夏香河支行',
    'joint_stock',
    '淑阳镇',
    '香椿路102号',
    ['吴婷', '大堂经理'],
    10,
  ),
  bank(
    'LFB-XH',
    '廊坊银行香河支行',
    'Bank of Langfang Xianghe Sub-branch',
    '廊坊银行香河支行',
    'city_commercial',
    '渠口镇',
    '迎宾路27号',
    ['徐涛', '风险合规经理'],
    11,
  ),
  bank(
    'XHRCB',
    '河北香河农村商业银行',
    'Hebei Xianghe Rural Commercial Bank',
    '香河农商行',
    'rural_commercial',
    '安头屯镇',
    '府前街1号',
    ['孙悦', '安全保卫部经理'],
    12,
  ),
];
