// The coordinator's dashboard: upcoming sessions with seats and waitlists, banks not reached this quarter, what is still open.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useAccount } from '../shared/account.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { labelIn, OpinionCategory, OpinionStatus, SessionKind } from '../shared/labels.ts';
import { coordinatorApi } from './api.ts';
import { TAG } from './tags.ts';
import { Nothing, Unavailable } from './Unavailable.tsx';

const SeatsChart = lazy(() => import('./SeatsChart.tsx'));
const FollowUpsChart = lazy(() => import('./FollowUpsChart.tsx'));

function Panel({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} data-testid={testId}>
      {children}
    </Card>
  );
}

export function CoordinatorDashboard() {
  const account = useAccount();
  const { t, lang } = useI18n();
  const banks = useQuery({ queryKey: ['co', 'banks', ''], queryFn: () => coordinatorApi.banks() });
  const sessions = useQuery({
    queryKey: ['co', 'upcoming'],
    queryFn: coordinatorApi.upcomingSessions,
  });
  const coverage = useQuery({ queryKey: ['co', 'coverage'], queryFn: coordinatorApi.bankCoverage });
  const followUps = useQuery({ queryKey: ['co', 'follow-ups'], queryFn: coordinatorApi.followUps });
  const opinions = useQuery({
    queryKey: ['co', 'opinions'],
    queryFn: () => coordinatorApi.openOpinions(),
  });

  const upcoming = sessions.data?.items ?? [];
  const waitlisted = upcoming.reduce((sum, s) => sum + s.seats.waitlisted, 0);
  const notReached = (coverage.data?.rows ?? []).filter(
    (r) => r.status === 'active' && r.attended === 0,
  );
  const stillOpen = (followUps.data?.rows ?? [])
    .filter((r) => r.status === 'open' || r.status === 'in_progress')
    .reduce((sum, r) => sum + r.count, 0);

  return (
    <>
      <h1 style={{ fontSize: 22 }}>
        {t('dashboard')} · {t('welcome')}，{account.name}
      </h1>
      <Row gutter={[16, 16]}>
        {(
          [
            ['stat-banks', t('co_statBanks'), banks.data?.total],
            ['stat-upcoming', t('co_statUpcoming'), sessions.data?.total],
            [
              'stat-waitlisted',
              t('co_statWaitlisted'),
              sessions.data === undefined ? undefined : waitlisted,
            ],
            ['stat-open', t('co_statOpen'), opinions.data?.total],
          ] as const
        ).map(([id, title, value]) => (
          <Col xs={12} md={6} key={id}>
            <Card data-testid={id}>
              <Statistic title={title} value={value ?? '—'} />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Panel title={t('co_upcoming')} testId="panel-upcoming">
            {sessions.isError ? (
              <Unavailable error={sessions.error} />
            ) : (
              <Table
                size="small"
                rowKey="id"
                loading={sessions.isPending}
                dataSource={upcoming}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                scroll={{ x: true }}
                locale={{ emptyText: <Nothing text={t('noSessions')} /> }}
                columns={[
                  {
                    title: t('title'),
                    render: (_, s) => <Link to={`/sessions/${s.id}/registrations`}>{s.title}</Link>,
                  },
                  { title: t('co_kind'), render: (_, s) => labelIn(SessionKind, s.kind, lang) },
                  { title: t('startsAt'), render: (_, s) => shanghaiTime(s.startsAt, lang) },
                  {
                    title: t('co_seats'),
                    render: (_, s) => `${s.seats.confirmed}/${s.capacity} (+${s.seats.waitlisted})`,
                  },
                ]}
              />
            )}
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel title={t('co_seatsChart')} testId="panel-seats">
            {sessions.isError ? (
              <Unavailable error={sessions.error} />
            ) : upcoming.length === 0 ? (
              <Empty description={t('noSessions')} />
            ) : (
              <Suspense fallback={null}>
                <SeatsChart sessions={upcoming} />
              </Suspense>
            )}
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel title={t('co_notReached')} testId="panel-not-reached">
            {coverage.isError ? (
              <Unavailable error={coverage.error} />
            ) : (
              <Table
                size="small"
                rowKey="bankId"
                loading={coverage.isPending}
                dataSource={notReached}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                locale={{ emptyText: <Nothing text={t('co_allReached')} /> }}
                columns={[
                  { title: t('code'), dataIndex: 'code' },
                  {
                    title: t('name'),
                    render: (_, r) => <Link to={`/banks/${r.bankId}`}>{r.shortName}</Link>,
                  },
                  {
                    title: t('co_lastForum'),
                    render: (_, r) =>
                      r.lastForumAt === null ? (
                        <Tag color={TAG.red}>{t('co_never')}</Tag>
                      ) : (
                        `${shanghaiTime(r.lastForumAt, lang)}（${r.daysSince ?? ''} ${t('co_daysAgo')}）`
                      ),
                  },
                ]}
              />
            )}
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel title={t('co_followUps')} testId="panel-follow-ups">
            {followUps.isError ? (
              <Unavailable error={followUps.error} />
            ) : stillOpen === 0 ? (
              <Empty description={t('co_noOpinions')} />
            ) : (
              <Suspense fallback={null}>
                <FollowUpsChart rows={followUps.data?.rows ?? []} />
              </Suspense>
            )}
          </Panel>
        </Col>
        <Col span={24}>
          <Panel title={t('co_openOpinions')} testId="panel-opinions">
            {opinions.isError ? (
              <Unavailable error={opinions.error} />
            ) : (
              <Table
                size="small"
                rowKey="id"
                loading={opinions.isPending}
                dataSource={opinions.data?.items ?? []}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                scroll={{ x: true }}
                locale={{ emptyText: <Nothing text={t('co_noOpinions')} /> }}
                columns={[
                  {
                    title: t('co_category'),
                    render: (_, o) => labelIn(OpinionCategory, o.category, lang),
                  },
                  { title: t('co_content'), dataIndex: 'text', ellipsis: true },
                  { title: t('status'), render: (_, o) => labelIn(OpinionStatus, o.status, lang) },
                  {
                    title: t('co_dueAt'),
                    render: (_, o) => (
                      <>
                        {shanghaiTime(o.dueAt, lang)}{' '}
                        {o.overdue && <Tag color={TAG.red}>{t('co_overdue')}</Tag>}
                      </>
                    ),
                  },
                ]}
              />
            )}
          </Panel>
        </Col>
      </Row>
    </>
  );
}
