// A liaison's home: their own bank (the services show them no other) and the sessions open to it.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, List } from 'antd';
import { api, ApiError } from '../api.ts';
import { useAccount } from '../shared/account.tsx';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';

export function LiaisonHome() {
  const account = useAccount();
  const { t, lang, pick } = useI18n();
  const banks = useQuery({ queryKey: ['banks'], queryFn: api.banks });
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: api.sessions });
  const bank = banks.data?.items[0];
  return (
    <>
      <h1 style={{ fontSize: 22 }}>
        {t('welcome')}，{account.name}
      </h1>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('myBank')}</h2>}
        loading={banks.isPending}
      >
        {bank !== undefined && (
          <Descriptions column={1} data-testid="my-bank">
            <Descriptions.Item label={t('name')}>
              {lang === 'en' ? (bank.name.en ?? bank.name.zh) : bank.name.zh}
            </Descriptions.Item>
            <Descriptions.Item label={t('code')}>{bank.code}</Descriptions.Item>
            <Descriptions.Item label={t('district')}>{bank.district}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('upcoming')}</h2>}
        style={{ marginTop: 16 }}
      >
        {sessions.isError && (
          <Alert
            type="warning"
            showIcon
            title={
              sessions.error instanceof ApiError ? pick(sessions.error.text) : t('unavailable')
            }
          />
        )}
        <List
          loading={sessions.isPending}
          dataSource={sessions.data?.items ?? []}
          locale={{ emptyText: t('noSessions') }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={s.title}
                description={`${shanghaiTime(s.startsAt, lang)} · ${s.venue.name}`}
              />
              {t('left')} {s.seats.left}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
