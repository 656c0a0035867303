// The coordinator's screens, in menu order.
import { DashboardOutlined } from '@ant-design/icons';
import type { Section } from '../shared/sections.ts';
import { Dashboard } from './Dashboard.tsx';

export const COORDINATOR_SECTIONS: Section[] = [
  { path: '', label: 'dashboard', icon: <DashboardOutlined />, element: <Dashboard /> },
];
