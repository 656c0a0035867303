// The bank liaison's screens, in menu order.
import { HomeOutlined } from '@ant-design/icons';
import type { Section } from '../shared/sections.ts';
import { LiaisonHome } from './Home.tsx';

export const LIAISON_SECTIONS: Section[] = [
  { path: '', label: 'li_home', icon: <HomeOutlined />, element: <LiaisonHome /> },
];
