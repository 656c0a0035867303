// The officer's writing screens: a new bulletin, editing one, and "my bulletins" with where each stands.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { bulletinsApi, type Bulletin } from './api.ts';
import { BulletinForm } from './BulletinForm.tsx';
import { BulletinNotFound, isUnknownBulletin } from './NotFound.tsx';
import { StateTag } from './status.tsx';
import { useTaxonomy } from './taxonomy.ts';

const PAGE_SIZE = 20;

export function ServiceError({ error }: { error: unknown }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      title={error instanceof ApiError ? pick(error.text) : t('unavailable')}
    />
  );
}

export function WriteBulletin() {
  const { t } = useI18n();
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('bu_write')}</h1>
      <Card>
        <BulletinForm bulletin={undefined} />
      </Card>
    </>
  );
}

export function useBulletin(id: string, view: 'latest' | 'published' = 'latest') {
  return useQuery({
    queryKey: ['content', 'bulletin', id, view],
    queryFn: () => bulletinsApi.get(id, view),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
}

export function EditBulletin() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const query = useBulletin(id);
  if (isUnknownBulletin(query.error)) return <BulletinNotFound />;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>
        {t('bu_edit')}
        {query.data !== undefined && (
          <Typography.Text style={{ fontSize: 14, marginInlineStart: 12 }}>
            {t('bu_version')} {query.data.version} · <StateTag state={query.data.versionState} />
          </Typography.Text>
        )}
      </h1>
      {query.isError && <ServiceError error={query.error} />}
      <Card loading={query.isPending}>
        {query.data !== undefined && (
          <BulletinForm key={`${query.data.id}-${query.data.version}`} bulletin={query.data} />
        )}
      </Card>
    </>
  );
}

/** The bulletin's state, and the state of a next version when one is pending beside the published one. */
export function BulletinState({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useI18n();
  const pending = bulletin.pendingVersion;
  return (
    <Space size={4} wrap>
      <StateTag state={bulletin.status} />
      {bulletin.status === 'published' && pending !== null && (
        <>
          <Typography.Text>
            {t('bu_pending')} {pending.number}:
          </Typography.Text>
          <StateTag state={pending.state} />
        </>
      )}
    </Space>
  );
}

export function MyBulletins() {
  const { t, lang } = useI18n();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['content', 'bulletins', 'mine', page],
    queryFn: () => bulletinsApi.mine(page, PAGE_SIZE),
  });
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <h1 style={{ fontSize: 22 }}>{t('bu_mine')}</h1>
        <Button type="primary" onClick={() => void navigate('/bulletins/new')}>
          {t('bu_write')}
        </Button>
      </Space>
      {query.isError && <ServiceError error={query.error} />}
      <Table<Bulletin>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('bu_no_mine') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('bu_title'),
            render: (_, b) => <Link to={`/bulletins/${b.id}/edit`}>{b.title}</Link>,
          },
          { title: t('bu_fraud_type'), render: (_, b) => taxonomy.fraudTypeLabel(b.fraudType) },
          { title: t('bu_status'), render: (_, b) => <BulletinState bulletin={b} /> },
          { title: t('bu_version'), dataIndex: 'version', width: 70 },
          { title: t('bu_updated'), render: (_, b) => shanghaiTime(b.updatedAt, lang) },
        ]}
      />
    </>
  );
}
