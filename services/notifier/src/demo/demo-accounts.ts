// The console's demo accounts (the console does not exist yet): the county coordinator and one English-speaking officer.
import type { AccountActivationRequested } from '@lianxin/contracts';

type DemoAccount = Omit<AccountActivationRequested, 'link'>;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    accountId: 'coord-zhang-wei',
    role: 'coordinator',
    bankId: null,
    name: '张伟',
    email: 'zhang.wei@xianghe-police.example.cn',
    language: 'zh',
  },
  {
    accountId: 'officer-li-ming',
    role: 'officer',
    bankId: null,
    name: 'Li Ming',
    email: 'li.ming@xianghe-police.example.cn',
    language: 'en',
  },
];
