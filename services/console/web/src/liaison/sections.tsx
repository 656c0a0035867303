// The bank liaison's screens, in menu order; detail pages (registering for a session, one registration) are reached by links.
import { HomeOutlined, MailOutlined, OrderedListOutlined } from '@ant-design/icons';
import { LIAISON_BULLETIN_SECTIONS } from '../bulletins/sections.tsx';
import type { Section } from '../shared/sections.ts';
import { LiaisonHome } from './Home.tsx';
import { InvitationsPage } from './InvitationList.tsx';
import { RegisterStaff } from './RegisterStaff.tsx';
import { RegistrationDetail } from './RegistrationDetail.tsx';
import { RegistrationsPage } from './Registrations.tsx';

export const LIAISON_SECTIONS: Section[] = [
  { path: '', label: 'li_home', icon: <HomeOutlined />, element: <LiaisonHome /> },
  {
    path: 'invitations',
    label: 'li_invitations',
    icon: <MailOutlined />,
    element: <InvitationsPage />,
  },
  {
    path: 'registrations',
    label: 'li_registrations',
    icon: <OrderedListOutlined />,
    element: <RegistrationsPage />,
  },
  { path: 'sessions/:sessionId/register', element: <RegisterStaff /> },
  { path: 'registrations/:registrationId', element: <RegistrationDetail /> },
  ...LIAISON_BULLETIN_SECTIONS,
];
