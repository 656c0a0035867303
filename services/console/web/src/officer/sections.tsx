// The officer's screens, in menu order.
import { DashboardOutlined } from '@ant-design/icons';
import { Dashboard } from '../coordinator/Dashboard.tsx';
import { OFFICER_BULLETIN_SECTIONS } from '../bulletins/sections.tsx';
import type { Section } from '../shared/sections.ts';

export const OFFICER_SECTIONS: Section[] = [
  { path: '', label: 'of_home', icon: <DashboardOutlined />, element: <Dashboard /> },
  ...OFFICER_BULLETIN_SECTIONS,
];
