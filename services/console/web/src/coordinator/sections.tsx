// The coordinator's screens, in menu order.
import { DashboardOutlined } from '@ant-design/icons';
import { COORDINATOR_BULLETIN_SECTIONS } from '../bulletins/sections.tsx';
import type { Section } from '../shared/sections.ts';
import { Dashboard } from './Dashboard.tsx';

export const COORDINATOR_SECTIONS: Section[] = [
  { path: '', label: 'dashboard', icon: <DashboardOutlined />, element: <Dashboard /> },
  ...COORDINATOR_BULLETIN_SECTIONS,
];
