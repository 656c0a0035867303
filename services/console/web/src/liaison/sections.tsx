// The bank liaison's screens, in menu order.
import { HomeOutlined } from '@ant-design/icons';
import { LIAISON_BULLETIN_SECTIONS } from '../bulletins/sections.tsx';
import type { Section } from '../shared/sections.ts';
import { LiaisonHome } from './Home.tsx';

export const LIAISON_SECTIONS: Section[] = [
  { path: '', label: 'li_home', icon: <HomeOutlined />, element: <LiaisonHome /> },
  ...LIAISON_BULLETIN_SECTIONS,
];
