// A liaison's home: the sessions their bank is invited to, their registrations, and their own bank (the services show them no other).
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions } from 'antd';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { useAccount } from '../shared/account.tsx';
import { useI18n } from '../i18n.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { InvitationList } from './InvitationList.tsx';
import { RegistrationTable } from './Registrations.tsx';

const heading = { fontSize: 16, margin: 0 } as const;

export function LiaisonHome() {
  const account = useAccount();
  const { t, lang } = useI18n();
  const banks = useQuery({ queryKey: ['banks'], queryFn: api.banks });
  const bank = banks.data?.items[0];
  return (
    <>
      <h1 style={{ fontSize: 22 }}>
        {t('welcome')}，{account.name}
      </h1>
      <Card
        title={<h2 style={heading}>{t('li_invitations')}</h2>}
        extra={<Link to="/invitations">{t('li_allInvitations')}</Link>}
      >
        <InvitationList limit={5} />
      </Card>
      <Card
        title={<h2 style={heading}>{t('li_registrations')}</h2>}
        extra={<Link to="/registrations">{t('li_allRegistrations')}</Link>}
        style={{ marginTop: 16 }}
      >
        <RegistrationTable compact />
      </Card>
      <Card
        title={<h2 style={heading}>{t('myBank')}</h2>}
        loading={banks.isPending}
        style={{ marginTop: 16 }}
      >
        {banks.isError && <ErrorAlert error={banks.error} />}
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
    </>
  );
}
