// The officers' and reviewers' interim home (their areas replace it): upcoming sessions with seats charted, and the partner banks.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { api, ApiError } from '../api.ts';
import { useAccount } from '../shared/account.tsx';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';

const SeatsChart = lazy(() => import('./SeatsChart.tsx'));

function Unavailable({ error }: { error: unknown }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      title={error instanceof ApiError ? pick(error.text) : t('unavailable')}
    />
  );
}

export function Dashboard() {
  const account = useAccount();
  const { t, lang } = useI18n();
  const banks = useQuery({ queryKey: ['banks'], queryFn: api.banks });
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: api.sessions });
  const upcoming = sessions.data?.items ?? [];
  const waitlisted = upcoming.reduce((sum, s) => sum + s.seats.waitlisted, 0);
  return (
    <>
      <h1 style={{ fontSize: 22 }}>
        {t('dashboard')} · {t('welcome')}，{account.name}
      </h1>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('banks')} value={banks.data?.total ?? '—'} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('upcoming')} value={sessions.data?.total ?? '—'} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic
              title={t('waitlisted')}
              value={sessions.data === undefined ? '—' : waitlisted}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('seats')}</h2>}>
            {sessions.isError && <Unavailable error={sessions.error} />}
            {upcoming.length > 0 && (
              <Suspense fallback={null}>
                <SeatsChart sessions={upcoming} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('upcoming')}</h2>}>
            <Table
              size="small"
              rowKey="id"
              loading={sessions.isPending}
              dataSource={upcoming}
              pagination={false}
              locale={{ emptyText: t('noSessions') }}
              columns={[
                { title: t('title'), dataIndex: 'title' },
                { title: t('startsAt'), render: (_, s) => shanghaiTime(s.startsAt, lang) },
                {
                  title: t('seats'),
                  render: (_, s) => `${s.seats.confirmed}/${s.capacity} (+${s.seats.waitlisted})`,
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('banks')}</h2>}>
            {banks.isError && <Unavailable error={banks.error} />}
            <Table
              size="small"
              rowKey="id"
              loading={banks.isPending}
              dataSource={banks.data?.items ?? []}
              pagination={{ pageSize: 12 }}
              columns={[
                { title: t('code'), dataIndex: 'code' },
                {
                  title: t('name'),
                  render: (_, b) => (lang === 'en' ? (b.name.en ?? b.name.zh) : b.name.zh),
                },
                { title: t('district'), dataIndex: 'district' },
                { title: t('liaisons'), dataIndex: 'activeLiaisonCount' },
                { title: t('status'), render: (_, b) => <Tag>{b.status}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
