// The reviewer's screens, in menu order.
import { DashboardOutlined } from '@ant-design/icons';
import { Dashboard } from '../coordinator/Dashboard.tsx';
import { REVIEWER_BULLETIN_SECTIONS } from '../bulletins/sections.tsx';
import type { Section } from '../shared/sections.ts';

export const REVIEWER_SECTIONS: Section[] = [
  { path: '', label: 'rv_home', icon: <DashboardOutlined />, element: <Dashboard /> },
  ...REVIEWER_BULLETIN_SECTIONS,
];
