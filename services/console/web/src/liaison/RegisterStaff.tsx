// Registering the bank's staff for one session it is invited to: one person, or a pasted/uploaded list of up to 50.
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Spin, Tabs } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { NotFound } from '../shared/NotFound.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { liaisonApi } from './api.ts';
import { BatchForm } from './BatchForm.tsx';
import { ErrorAlert, isNotFound } from './ErrorAlert.tsx';
import { OneForm } from './OneForm.tsx';

export function RegisterStaff() {
  const { sessionId = '' } = useParams();
  const { t, lang } = useI18n();
  const session = useQuery({
    queryKey: ['li', 'session', sessionId],
    queryFn: () => liaisonApi.session(sessionId),
    // A session the bank is not invited to is a 404: asking again will not change that.
    retry: (count, error) => !isNotFound(error) && count < 1,
  });
  if (isNotFound(session.error)) return <NotFound />;
  const s = session.data;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('li_registerTitle')}</h1>
      {session.isError && <ErrorAlert error={session.error} />}
      {session.isPending && <Spin />}
      {s !== undefined && (
        <>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s.title}</h2>}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('li_time')}>
                {shanghaiTime(s.startsAt, lang)} – {shanghaiTime(s.endsAt, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('venue')}>
                {s.venue.name}（{s.venue.address}）
              </Descriptions.Item>
              <Descriptions.Item label={t('li_seatsLeft')}>
                {s.seats.left} / {s.capacity}
              </Descriptions.Item>
              <Descriptions.Item label={t('li_bankQuota')}>
                {s.perBankQuota ?? t('li_noQuota')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card style={{ marginTop: 16 }}>
            <Tabs
              items={[
                { key: 'one', label: t('li_one'), children: <OneForm sessionId={s.id} /> },
                { key: 'batch', label: t('li_batch'), children: <BatchForm sessionId={s.id} /> },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
