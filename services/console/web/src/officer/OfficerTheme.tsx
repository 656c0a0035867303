// The officer's pages in Ant Design's theme with darker secondary text and links: its defaults fail WCAG AA contrast (axe).
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/** Solid tag colours with white text, each at least 4.5:1 (antd's light preset tags are not). */
export const TAG_COLOURS = {
  green: '#237804',
  red: '#a8071a',
  gold: '#874d00',
  blue: '#0958d9',
} as const;

export function OfficerTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          // 0.45 black on white is 3.4:1; 0.65 is 6:1 (secondary text, statistic titles, hints).
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
          // antd's link blue #1677ff is 4.1:1 on white.
          colorLink: TAG_COLOURS.blue,
          // A primary button under the pointer turns a lighter red (4.1:1 with white): darker instead.
          colorPrimaryHover: '#a5281b',
          colorPrimaryActive: '#8e2217',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
