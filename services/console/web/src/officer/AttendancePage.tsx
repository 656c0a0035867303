// The session's attendance: every registration, checked in or not, and the officer ticking someone in from the list.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { officerApi, type Registration } from './api.ts';
import { useBankNames } from './CheckInPage.tsx';
import { TAG_COLOURS } from './OfficerTheme.tsx';
import { Failure, SessionFrame, useSessionId } from './SessionFrame.tsx';

/** `23:06`, in Asia/Shanghai. */
function clockTime(iso: string, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function AttendancePage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const sessionId = useSessionId();
  const bankName = useBankNames();
  const queryClient = useQueryClient();
  const registrations = useQuery({
    queryKey: ['of-registrations', sessionId],
    queryFn: () => officerApi.registrations(sessionId),
  });
  const tick = useMutation({
    mutationFn: (reg: Registration) => officerApi.checkInById(sessionId, reg.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['of-registrations', sessionId] }),
    onError: (error) => {
      void message.error(error instanceof ApiError ? pick(error.text) : t('unavailable'));
    },
  });
  const items = registrations.data?.items ?? [];
  const confirmed = items.filter((r) => r.status === 'confirmed');
  const attended = confirmed.filter((r) => r.checkedInAt !== null).length;
  return (
    <SessionFrame heading="of_attendance">
      {() => (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} sm={6}>
              <Card size="small">
                <Statistic title={t('confirmed')} value={confirmed.length} />
              </Card>
            </Col>
            <Col xs={12} sm={6}>
              <Card size="small">
                <Statistic title={t('of_attended')} value={attended} />
              </Card>
            </Col>
          </Row>
          {registrations.isError && <Failure error={registrations.error} />}
          <Table
            size="small"
            rowKey="id"
            loading={registrations.isPending}
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: t('of_attendee'),
                render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.attendee.name}</span>,
              },
              { title: t('of_bank'), render: (_, r) => bankName(r.bankId) },
              { title: t('of_mobile'), render: (_, r) => r.attendee.mobile },
              {
                title: t('of_checkIn'),
                render: (_, r) =>
                  r.checkedInAt !== null ? (
                    // The time alone (today's session): a phone's column stays narrow.
                    <Tag color={TAG_COLOURS.green} title={shanghaiTime(r.checkedInAt, lang)}>
                      {t('of_checkedIn')} {clockTime(r.checkedInAt, lang)}
                    </Tag>
                  ) : r.status === 'confirmed' ? (
                    <Button
                      size="small"
                      loading={tick.variables?.id === r.id && tick.isPending}
                      onClick={() => {
                        tick.mutate(r);
                      }}
                      aria-label={`${t('of_checkInButton')} ${r.attendee.name}`}
                    >
                      {t('of_checkInButton')}
                    </Button>
                  ) : (
                    // Not seated: its status instead (one column fewer on a phone).
                    <Tag>{t(`of_reg_${r.status}`)}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </SessionFrame>
  );
}
