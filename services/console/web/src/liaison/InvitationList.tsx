// The sessions the liaison's bank is invited to: time (Asia/Shanghai), venue, seats left, the bank's quota used, and a way to register.
import { useQuery } from '@tanstack/react-query';
import { Button, List, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { LIAISON_KEYS, liaisonApi, type Invitation } from './api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <span>
      {label}：<strong>{value}</strong>
    </span>
  );
}

function InvitationItem({ invitation: inv }: { invitation: Invitation }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const quota =
    inv.perBankQuota === null ? t('li_noQuota') : `${inv.bank.confirmed} / ${inv.perBankQuota}`;
  return (
    <List.Item
      data-testid="invitation"
      actions={[
        inv.registration.open ? (
          <Button
            key="register"
            type="primary"
            onClick={() => {
              void navigate(`/sessions/${inv.sessionId}/register`);
            }}
            aria-label={`${t('li_register')}：${inv.title}`}
          >
            {t('li_register')}
          </Button>
        ) : (
          <Typography.Text key="closed">{t('li_registrationClosed')}</Typography.Text>
        ),
      ]}
    >
      <List.Item.Meta
        title={inv.title}
        description={
          <span style={{ color: '#434343' }}>
            {shanghaiTime(inv.startsAt, lang)} · {inv.venue.name}（{inv.venue.address}）
          </span>
        }
      />
      <Space wrap size={[16, 4]}>
        <Figure label={t('li_seatsLeft')} value={`${inv.seats.left} / ${inv.capacity}`} />
        <Figure label={t('li_bankQuota')} value={quota} />
        <Figure label={t('li_bankWaitlisted')} value={String(inv.bank.waitlisted)} />
      </Space>
    </List.Item>
  );
}

/** `limit`: the first few only (the home page); the whole list otherwise. Titles are the list's own h4. */
export function InvitationList({ limit }: { limit?: number }) {
  const { t } = useI18n();
  const invitations = useQuery({
    queryKey: LIAISON_KEYS.invitations,
    queryFn: liaisonApi.invitations,
  });
  const items = invitations.data?.items ?? [];
  return (
    <>
      {invitations.isError && <ErrorAlert error={invitations.error} />}
      <List
        itemLayout="vertical"
        loading={invitations.isPending}
        dataSource={limit === undefined ? items : items.slice(0, limit)}
        locale={{ emptyText: t('li_noInvitations') }}
        rowKey="sessionId"
        renderItem={(inv) => <InvitationItem invitation={inv} />}
      />
    </>
  );
}

export function InvitationsPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('li_invitations')}</h1>
      <p>{t('li_invitationsHint')}</p>
      <InvitationList />
    </>
  );
}
