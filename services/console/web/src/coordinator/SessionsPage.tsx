// Sessions by status, newest plans first: each opens its registrations.
import { useQuery } from '@tanstack/react-query';
import { Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { labelIn, optionsOf, SessionKind, SessionStatus } from '../shared/labels.ts';
import { coordinatorApi } from './api.ts';
import { Nothing, Unavailable } from './Unavailable.tsx';

export function SessionsPage() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<string>('scheduled');
  const [page, setPage] = useState(1);
  const sessions = useQuery({
    queryKey: ['co', 'sessions', status, page],
    queryFn: () => coordinatorApi.sessions({ status, page }),
  });
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('co_sessionsTitle')}</h1>
      <Segmented
        aria-label={t('co_status')}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={optionsOf(SessionStatus, lang)}
        style={{ marginBottom: 16 }}
      />
      {sessions.isError ? (
        <Unavailable error={sessions.error} />
      ) : (
        <Table
          rowKey="id"
          loading={sessions.isPending}
          dataSource={sessions.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: <Nothing text={t('noSessions')} /> }}
          pagination={{
            current: page,
            pageSize: 50,
            total: sessions.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          columns={[
            {
              title: t('co_sessionTitle'),
              render: (_, s) => <Link to={`/sessions/${s.id}/registrations`}>{s.title}</Link>,
            },
            { title: t('co_kind'), render: (_, s) => labelIn(SessionKind, s.kind, lang) },
            { title: t('co_startsAt'), render: (_, s) => shanghaiTime(s.startsAt, lang) },
            { title: t('venue'), render: (_, s) => s.venue.name },
            {
              title: t('co_seats'),
              render: (_, s) => `${s.seats.confirmed}/${s.capacity} (+${s.seats.waitlisted})`,
            },
            {
              title: t('co_status'),
              render: (_, s) => <Tag>{labelIn(SessionStatus, s.status, lang)}</Tag>,
            },
          ]}
        />
      )}
    </>
  );
}
