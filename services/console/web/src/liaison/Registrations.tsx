// The bank's registrations, newest first: who, for which session (Asia/Shanghai), status and waitlist place, and what can be done.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { LIAISON_KEYS, liaisonApi, type BankRegistration } from './api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { maskedMobile } from './format.ts';
import { CalendarButton, CancelButton } from './RegistrationActions.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { StatusTag } from './StatusTag.tsx';

/** `compact`: the home page's first few, without paging. */
export function RegistrationTable({ compact = false }: { compact?: boolean }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const pageSize = compact ? 5 : 20;
  const registrations = useQuery({
    queryKey: [...LIAISON_KEYS.registrations, page, pageSize],
    queryFn: () => liaisonApi.registrations(page, pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {registrations.isError && <ErrorAlert error={registrations.error} />}
      <ScrollRegion label={t('li_registrations')} testId="registrations">
        <Table<BankRegistration>
          rowKey="id"
          size="middle"
          loading={registrations.isPending}
          dataSource={registrations.data?.items ?? []}
          locale={{ emptyText: t('li_noRegistrations') }}
          style={{ minWidth: 760 }}
          // Fixed: cells wrap inside the table, so only the region around it scrolls (and takes focus).
          tableLayout="fixed"
          pagination={
            compact
              ? false
              : {
                  current: page,
                  pageSize,
                  total: registrations.data?.total ?? 0,
                  onChange: setPage,
                  showSizeChanger: false,
                }
          }
          columns={[
            {
              title: t('li_attendee'),
              key: 'attendee',
              render: (_, r) => (
                <>
                  <Link to={`/registrations/${r.id}`}>{r.attendee.name}</Link>
                  <div>{maskedMobile(r.attendee.mobile)}</div>
                </>
              ),
            },
            {
              title: t('li_session'),
              key: 'session',
              render: (_, r) => (
                <>
                  <div>{r.session.title}</div>
                  <div>
                    {shanghaiTime(r.session.startsAt, lang)} · {r.session.venue.name}
                  </div>
                </>
              ),
            },
            {
              title: t('status'),
              key: 'status',
              width: 130,
              render: (_, r) => <StatusTag status={r.status} position={r.waitlist?.position} />,
            },
            {
              title: t('li_actions'),
              key: 'actions',
              width: 220,
              render: (_, r) => (
                <Space wrap>
                  <CalendarButton registration={r} />
                  <CancelButton registration={r} />
                </Space>
              ),
            },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

export function RegistrationsPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('li_registrations')}</h1>
      <p>{t('li_registrationsHint')}</p>
      <RegistrationTable />
    </>
  );
}
