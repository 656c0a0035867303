// The officer's screens, in menu order: my sessions (home), my opinions, then bulletins; a session's pages are reached from it.
import { CalendarOutlined, MessageOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { OFFICER_BULLETIN_SECTIONS } from '../bulletins/sections.tsx';
import type { Section } from '../shared/sections.ts';
import { AttendancePage } from './AttendancePage.tsx';
import { CheckInPage } from './CheckInPage.tsx';
import { FeedbackPage } from './FeedbackPage.tsx';
import { HandoutPage } from './HandoutPage.tsx';
import { MySessions } from './MySessions.tsx';
import { OfficerTheme } from './OfficerTheme.tsx';
import { MyOpinionsPage, SessionOpinionsPage } from './OpinionsPage.tsx';
import { SessionPage } from './SessionPage.tsx';

const themed = (page: ReactNode) => <OfficerTheme>{page}</OfficerTheme>;

export const OFFICER_SECTIONS: Section[] = [
  { path: '', label: 'of_mySessions', icon: <CalendarOutlined />, element: themed(<MySessions />) },
  {
    path: 'opinions',
    label: 'of_myOpinions',
    icon: <MessageOutlined />,
    element: themed(<MyOpinionsPage />),
  },
  { path: 'sessions/:sessionId', element: themed(<SessionPage />) },
  { path: 'sessions/:sessionId/check-in', element: themed(<CheckInPage />) },
  { path: 'sessions/:sessionId/attendance', element: themed(<AttendancePage />) },
  { path: 'sessions/:sessionId/feedback', element: themed(<FeedbackPage />) },
  { path: 'sessions/:sessionId/opinions', element: themed(<SessionOpinionsPage />) },
  { path: 'sessions/:sessionId/handout', element: themed(<HandoutPage />) },
  ...OFFICER_BULLETIN_SECTIONS,
];
