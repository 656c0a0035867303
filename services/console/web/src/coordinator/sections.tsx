// The coordinator's screens, in menu order; each loads as its own chunk (with the contracts' labels), after the frame.
import {
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { COORDINATOR_BULLETIN_SECTIONS } from '../bulletins/sections.tsx';
import type { Section } from '../shared/sections.ts';

function page(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Spin style={{ margin: 48 }} />}>
      <Page />
    </Suspense>
  );
}

export const COORDINATOR_SECTIONS: Section[] = [
  {
    path: '',
    label: 'co_menuDashboard',
    icon: <DashboardOutlined />,
    element: page(async () => (await import('./CoordinatorDashboard.tsx')).CoordinatorDashboard),
  },
  {
    path: 'banks',
    label: 'co_menuBanks',
    icon: <BankOutlined />,
    element: page(async () => (await import('./BanksPage.tsx')).BanksPage),
  },
  {
    path: 'banks/:bankId',
    element: page(async () => (await import('./BankDetail.tsx')).BankDetail),
  },
  {
    path: 'schedule',
    label: 'co_menuSchedule',
    icon: <CalendarOutlined />,
    element: page(async () => (await import('./SchedulePage.tsx')).SchedulePage),
  },
  {
    path: 'sessions',
    label: 'co_menuSessions',
    icon: <UnorderedListOutlined />,
    element: page(async () => (await import('./SessionsPage.tsx')).SessionsPage),
  },
  {
    path: 'sessions/:sessionId/registrations',
    element: page(async () => (await import('./RegistrationsPage.tsx')).RegistrationsPage),
  },
  {
    path: 'accounts',
    label: 'co_menuAccounts',
    icon: <TeamOutlined />,
    element: page(async () => (await import('./AccountsPage.tsx')).AccountsPage),
  },
  ...COORDINATOR_BULLETIN_SECTIONS,
];
