// Request bodies and unique values for the banks tests (the harness itself is @lianxin/testing's serviceHarness).
import { randomBytes, randomInt } from 'node:crypto';

/** A bank code no other test uses. */
export const uniqueCode = (prefix = 'T'): string =>
  `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;
/** A mobile number no other test uses (fictional 139 range). */
export const uniqueMobile = (): string => `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;

export const bankBody = (code = uniqueCode()) => ({
  code,
  name: { zh: `测试银行${code}`, en: `Test Bank ${code}` },
  shortName: `测试${code.slice(-4)}`,
  type: 'joint_stock',
  district: '淑阳镇',
  address: '河北省廊坊市香河县新华大街1号',
  partnerSince: '2025-03-01',
});

export const liaisonBody = (extra: Record<string, unknown> = {}) => {
  const mobile = uniqueMobile();
  return {
    name: '测试联络员',
    mobile,
    email: `l${mobile}@bank.example.com`,
    title: '运营主管',
    ...extra,
  };
};
