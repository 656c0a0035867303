// The demo's sign-in accounts: one per staff role, and the first liaison of the banks demo, with a shared demo password.
export const DEMO_PASSWORD = 'lianxin-demo-2026';

export const DEMO_STAFF = [
  {
    id: 'demo-coordinator',
    role: 'coordinator',
    name: '王协调',
    email: 'coordinator@demo.lianxin.cn',
  },
  { id: 'demo-officer', role: 'officer', name: '张民警', email: 'officer@demo.lianxin.cn' },
  { id: 'demo-reviewer', role: 'reviewer', name: '刘审核', email: 'reviewer@demo.lianxin.cn' },
] as const;
