// A session's registrations: status, waitlist place, masked mobiles, and the CSV / XLSX export.
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { labelIn, RegistrationStatus, SessionKind, WaitlistReason } from '../shared/labels.ts';
import { coordinatorApi, type Registration } from './api.ts';
import { maskMobile } from './mask.ts';
import { TAG } from './tags.ts';
import { Nothing, Unavailable } from './Unavailable.tsx';

const STATUS_COLOUR: Record<Registration['status'], string | undefined> = {
  confirmed: TAG.green,
  waitlisted: TAG.orange,
  cancelled: undefined,
  pending: TAG.blue,
};

export function RegistrationsPage() {
  const { sessionId = '' } = useParams();
  const { t, lang } = useI18n();
  // Registrations arrive while the coordinator is elsewhere: coming back shows them, not the
  // cache of the last visit (the app's default keeps data fresh for 30 s).
  const session = useQuery({
    queryKey: ['co', 'session', sessionId],
    queryFn: () => coordinatorApi.session(sessionId),
    refetchOnMount: 'always',
  });
  const registrations = useQuery({
    queryKey: ['co', 'session', sessionId, 'registrations'],
    queryFn: () => coordinatorApi.registrations(sessionId),
    refetchOnMount: 'always',
  });
  const banks = useQuery({ queryKey: ['co', 'banks', ''], queryFn: () => coordinatorApi.banks() });
  const bankName = (id: string) => banks.data?.items.find((b) => b.id === id)?.shortName ?? id;
  const s = session.data;

  return (
    <>
      <Link to="/sessions">
        <ArrowLeftOutlined /> {t('co_backToSessions')}
      </Link>
      <h1 style={{ fontSize: 22 }}>
        {t('co_registrationsTitle')}
        {s === undefined ? '' : ` · ${s.title}`}
      </h1>
      {session.isError && <Unavailable error={session.error} />}
      {s !== undefined && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'kind', label: t('co_kind'), children: labelIn(SessionKind, s.kind, lang) },
              { key: 'start', label: t('co_startsAt'), children: shanghaiTime(s.startsAt, lang) },
              {
                key: 'venue',
                label: t('venue'),
                children: `${s.venue.name}（${s.venue.address}）`,
              },
              {
                key: 'seats',
                label: t('co_seats'),
                children: `${s.seats.confirmed}/${s.capacity} (+${s.seats.waitlisted})`,
              },
              {
                key: 'banks',
                label: t('co_invitedBanks'),
                children: s.invitedBankIds.map(bankName).join('、') || '—',
              },
            ]}
          />
        </Card>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          icon={<DownloadOutlined />}
          href={coordinatorApi.exportUrl(sessionId, 'csv')}
          download
          data-testid="export-csv"
        >
          {t('co_exportCsv')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={coordinatorApi.exportUrl(sessionId, 'xlsx')}
          download
          data-testid="export-xlsx"
        >
          {t('co_exportXlsx')}
        </Button>
      </Space>
      {registrations.isError ? (
        <Unavailable error={registrations.error} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={registrations.isPending}
          dataSource={registrations.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Nothing text={t('co_noRegistrations')} /> }}
          columns={[
            { title: t('co_attendee'), render: (_, r) => r.attendee.name },
            { title: t('co_bank'), render: (_, r) => bankName(r.bankId) },
            // The service shows a coordinator the whole number; a list on a screen does not.
            { title: t('co_mobile'), render: (_, r) => maskMobile(r.attendee.mobile) },
            { title: t('co_position'), render: (_, r) => r.attendee.position ?? '—' },
            { title: t('co_branch'), render: (_, r) => r.attendee.branch ?? '—' },
            {
              title: t('co_status'),
              render: (_, r) => (
                <Tag color={STATUS_COLOUR[r.status]}>
                  {r.status === 'pending'
                    ? t('co_pending')
                    : labelIn(RegistrationStatus, r.status, lang)}
                </Tag>
              ),
            },
            {
              title: t('co_waitlistPosition'),
              render: (_, r) =>
                r.status === 'waitlisted' && r.waitlist !== null
                  ? `${r.waitlist.position}（${labelIn(WaitlistReason, r.waitlist.reason, lang)}）`
                  : '—',
            },
            { title: t('co_registeredAt'), render: (_, r) => shanghaiTime(r.registeredAt, lang) },
            {
              title: t('co_checkedIn'),
              render: (_, r) => (r.checkedInAt === null ? '—' : shanghaiTime(r.checkedInAt, lang)),
            },
          ]}
        />
      )}
    </>
  );
}
