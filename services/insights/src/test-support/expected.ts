// The figures the fixed scenario must give, written out by hand from the events in scenario.ts.
import type { Scenario } from './scenario.ts';

export function expectedBanks(ids: Scenario['ids']) {
  const reached = '2026-07-10T02:00:00.000Z';
  return [
    {
      bankId: ids.A,
      code: 'T-A01',
      shortName: '工行香河',
      status: 'active',
      invited: 1,
      attended: 1,
      registered: 2,
      checkedIn: 2,
      lastForumAt: reached,
      daysSince: 97,
    },
    {
      bankId: ids.B,
      code: 'T-B02',
      shortName: '农行香河',
      status: 'active',
      invited: 1,
      attended: 1,
      registered: 1,
      checkedIn: 1,
      lastForumAt: reached,
      daysSince: 97,
    },
    // Invited, never came: the bank never reached.
    {
      bankId: ids.C,
      code: 'T-C03',
      shortName: '香河农商行',
      status: 'active',
      invited: 1,
      attended: 0,
      registered: 0,
      checkedIn: 0,
      lastForumAt: null,
      daysSince: null,
    },
    {
      bankId: ids.D,
      code: 'T-D04',
      shortName: '邮储香河',
      status: 'suspended',
      invited: 0,
      attended: 0,
      registered: 0,
      checkedIn: 0,
      lastForumAt: null,
      daysSince: null,
    },
  ];
}

/** The non-zero audience × fraud-type cells; every other of the 88 cells is all zeros. */
export const NON_ZERO_CELLS = [
  { audience: 'elderly', fraudType: 'fake_investment', sessions: 0, people: 0, bulletins: 1 },
  { audience: 'students', fraudType: 'fake_game_trading', sessions: 1, people: 0, bulletins: 0 },
  { audience: 'parents', fraudType: 'fake_game_trading', sessions: 1, people: 0, bulletins: 0 },
  { audience: 'bank_staff', fraudType: 'fake_investment', sessions: 1, people: 3, bulletins: 1 },
  {
    audience: 'bank_staff',
    fraudType: 'impersonate_authority',
    sessions: 1,
    people: 3,
    bulletins: 0,
  },
];

export const MONTHLY = [
  {
    month: '2026-07',
    kind: 'bank_forum',
    organisingUnit: '香河县公安局反诈中心',
    sessions: 1,
    people: 3,
  },
  { month: '2026-08', kind: 'campus', organisingUnit: '淑阳派出所', sessions: 1, people: 0 },
];

export const FEEDBACK = {
  byOfficer: [{ officerId: 'officer-1', feedbacks: 3, red: 2, yellow: 1, blue: 6 }],
  byFormat: [{ format: 'open_forum', feedbacks: 3, red: 2, yellow: 1, blue: 6 }],
};

const zero = (item: string, status: string, age: string) => ({
  item,
  status,
  age,
  count: 0,
  overdue: 0,
});
export const FOLLOW_UPS = [
  zero('opinion', 'open', '0-7'),
  zero('opinion', 'open', '8-30'),
  zero('opinion', 'open', '31+'),
  zero('opinion', 'in_progress', '0-7'),
  zero('opinion', 'in_progress', '8-30'),
  { item: 'opinion', status: 'in_progress', age: '31+', count: 1, overdue: 1 },
  { item: 'opinion', status: 'resolved', age: '0-7', count: 1, overdue: 0 },
  zero('opinion', 'resolved', '8-30'),
  zero('opinion', 'resolved', '31+'),
  zero('follow_up', 'open', '0-7'),
  zero('follow_up', 'open', '8-30'),
  { item: 'follow_up', status: 'open', age: '31+', count: 1, overdue: 0 },
  { item: 'follow_up', status: 'closed', age: '0-7', count: 1, overdue: 0 },
  zero('follow_up', 'closed', '8-30'),
  zero('follow_up', 'closed', '31+'),
];
