// A screen of the web app as its role's menu lists it: the route, the menu label, the page.
import type { ReactNode } from 'react';
import type { TextKey } from '../i18n.tsx';

export interface Section {
  /** The route under the app's root, without a leading slash: '' is the role's home, 'sessions/:id' a detail. */
  path: string;
  /** The menu entry; a section without one (a detail page) is reached by links only. */
  label?: TextKey;
  /** An Ant Design icon for the menu entry. */
  icon?: ReactNode;
  element: ReactNode;
}
