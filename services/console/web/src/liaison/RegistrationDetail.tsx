// One of the bank's registrations: the attendee, the session, its status and place; another bank's (or no such) registration is the 404 page.
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Spin } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { NotFound } from '../shared/NotFound.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { liaisonApi } from './api.ts';
import { ErrorAlert, isNotFound } from './ErrorAlert.tsx';
import { CalendarButton, CancelButton } from './RegistrationActions.tsx';
import { StatusTag } from './StatusTag.tsx';

export function RegistrationDetail() {
  const { registrationId = '' } = useParams();
  const { t, lang } = useI18n();
  const found = useQuery({
    queryKey: ['li', 'registration', registrationId],
    queryFn: () => liaisonApi.registration(registrationId),
    retry: (count, error) => !isNotFound(error) && count < 1,
  });
  if (isNotFound(found.error)) return <NotFound />;
  const r = found.data;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('li_registration')}</h1>
      {found.isError && <ErrorAlert error={found.error} />}
      {found.isPending && <Spin />}
      {r !== undefined && (
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{r.attendee.name}</h2>}
          extra={<StatusTag status={r.status} position={r.waitlist?.position} />}
        >
          <Descriptions column={1} size="small" data-testid="registration">
            <Descriptions.Item label={t('li_mobile')}>{r.attendee.mobile}</Descriptions.Item>
            <Descriptions.Item label={t('li_position')}>
              {r.attendee.position ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('li_branch')}>{r.attendee.branch ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('li_session')}>{r.session.title}</Descriptions.Item>
            <Descriptions.Item label={t('li_time')}>
              {shanghaiTime(r.session.startsAt, lang)} – {shanghaiTime(r.session.endsAt, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('venue')}>
              {r.session.venue.name}（{r.session.venue.address}）
            </Descriptions.Item>
            <Descriptions.Item label={t('li_registeredAt')}>
              {shanghaiTime(r.registeredAt, lang)}
            </Descriptions.Item>
            {r.checkedInAt !== null && (
              <Descriptions.Item label={t('li_checkedIn')}>
                {shanghaiTime(r.checkedInAt, lang)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap style={{ marginTop: 16 }}>
            <CalendarButton registration={r} />
            <CancelButton registration={r} />
          </Space>
        </Card>
      )}
    </>
  );
}
