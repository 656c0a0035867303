// The top of every page of one session: its title, time and venue, and the session's own menu.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, type OutreachSession } from '../api.ts';
import { useI18n, type TextKey } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { officerApi } from './api.ts';

const PAGES: { path: string; label: TextKey }[] = [
  { path: '', label: 'of_overview' },
  { path: 'check-in', label: 'of_checkIn' },
  { path: 'attendance', label: 'of_attendance' },
  { path: 'feedback', label: 'of_feedback' },
  { path: 'opinions', label: 'of_opinions' },
  { path: 'handout', label: 'of_handout' },
];

export function useSessionId(): string {
  return useParams().sessionId ?? '';
}

export function useSession(sessionId: string) {
  return useQuery({
    queryKey: ['of-session', sessionId],
    queryFn: () => officerApi.session(sessionId),
  });
}

export function Failure({ error }: { error: unknown }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? pick(error.text) : t('unavailable')}
    />
  );
}

/** The session's title line and menu, then the page (`children`) once the session has loaded. */
export function SessionFrame({
  heading,
  children,
}: {
  heading: TextKey;
  children: (session: OutreachSession) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const sessionId = useSessionId();
  const session = useSession(sessionId);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const base = `/sessions/${sessionId}`;
  const current = PAGES.find((p) => pathname === (p.path === '' ? base : `${base}/${p.path}`));
  if (session.isPending) return <Skeleton active />;
  if (session.isError) return <Failure error={session.error} />;
  const s = session.data;
  return (
    <>
      {/* Buttons that wrap on a phone, where a horizontal menu would fold pages out of sight. */}
      <nav aria-label={t('of_sessionMenu')} className="of-no-print">
        <Flex wrap gap={8}>
          {PAGES.map((p) => {
            const here = current?.path === p.path;
            return (
              <Button
                key={p.path}
                type={here ? 'primary' : 'default'}
                aria-current={here ? 'page' : undefined}
                onClick={() => {
                  void navigate(p.path === '' ? base : `${base}/${p.path}`);
                }}
              >
                {t(p.label)}
              </Button>
            );
          })}
        </Flex>
      </nav>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 16 }}>
        {t(heading)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        <strong>{s.title}</strong>
        <br />
        {shanghaiTime(s.startsAt, lang)} · {s.venue.name}
      </Typography.Paragraph>
      {children(s)}
    </>
  );
}
