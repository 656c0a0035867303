// The bulletin screens of each role, in menu order; each role's sections.tsx appends its list.
import {
  AuditOutlined,
  BellOutlined,
  EditOutlined,
  FileTextOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import type { Section } from '../shared/sections.ts';
import { BulletinDetail } from './BulletinDetail.tsx';
import { BulletinList } from './BulletinList.tsx';
import { ReviewBulletin, ReviewQueue } from './ReviewPages.tsx';
import { Subscriptions } from './Subscriptions.tsx';
import { EditBulletin, MyBulletins, WriteBulletin } from './WritePages.tsx';

/**
 * antd's default status colours fall below WCAG AA on white or on their own tints (error red
 * 3.3:1, link and info blue 4.1:1, success green 2.6:1, placeholders 1.6:1): these screens use darker ones (≥ 5:1).
 */
const READABLE = {
  colorError: '#cf1322',
  colorLink: '#0958d9',
  colorInfo: '#0958d9',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  // A select's placeholder ("all fraud types") is read as text: 5.7:1 instead of 1.6:1.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
};

function Readable({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={{ token: READABLE }}>{children}</ConfigProvider>;
}

const detail: Section = {
  path: 'bulletins/:id',
  element: (
    <Readable>
      <BulletinDetail />
    </Readable>
  ),
};
const published: Section = {
  path: 'bulletins',
  label: 'bu_published',
  icon: <ReadOutlined />,
  element: (
    <Readable>
      <BulletinList heading="bu_published" />
    </Readable>
  ),
};
const subscriptions: Section = {
  path: 'subscriptions',
  label: 'bu_subscriptions',
  icon: <BellOutlined />,
  element: (
    <Readable>
      <Subscriptions />
    </Readable>
  ),
};

export const OFFICER_BULLETIN_SECTIONS: Section[] = [
  {
    path: 'bulletins/new',
    label: 'bu_write',
    icon: <EditOutlined />,
    element: (
      <Readable>
        <WriteBulletin />
      </Readable>
    ),
  },
  {
    path: 'bulletins/mine',
    label: 'bu_mine',
    icon: <FileTextOutlined />,
    element: (
      <Readable>
        <MyBulletins />
      </Readable>
    ),
  },
  published,
  subscriptions,
  {
    path: 'bulletins/:id/edit',
    element: (
      <Readable>
        <EditBulletin />
      </Readable>
    ),
  },
  detail,
];

export const REVIEWER_BULLETIN_SECTIONS: Section[] = [
  {
    path: 'review',
    label: 'bu_review_queue',
    icon: <AuditOutlined />,
    element: (
      <Readable>
        <ReviewQueue />
      </Readable>
    ),
  },
  published,
  {
    path: 'review/:id',
    element: (
      <Readable>
        <ReviewBulletin />
      </Readable>
    ),
  },
  detail,
];

export const COORDINATOR_BULLETIN_SECTIONS: Section[] = [published, detail];

export const LIAISON_BULLETIN_SECTIONS: Section[] = [
  {
    path: 'bulletins',
    label: 'bu_for_bank',
    icon: <ReadOutlined />,
    element: (
      <Readable>
        <BulletinList heading="bu_for_bank" initialAudience="bank_staff" />
      </Readable>
    ),
  },
  subscriptions,
  detail,
];
