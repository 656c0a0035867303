// Published bulletins, searched by text, fraud type and audience, a page at a time (liaisons: those for bank staff first).
import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAccount } from '../shared/account.tsx';
import { useI18n, type TextKey } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { bulletinsApi, type Audience, type Bulletin, type FraudType } from './api.ts';
import { useTaxonomy } from './taxonomy.ts';
import { ServiceError } from './WritePages.tsx';

const PAGE_SIZE = 10;

interface Props {
  heading: TextKey;
  /** The audience filter a page opens with (a liaison's: bank staff); it can be cleared. */
  initialAudience?: Audience;
}

export function BulletinList({ heading, initialAudience }: Props) {
  const { t, lang } = useI18n();
  const account = useAccount();
  const taxonomy = useTaxonomy();
  const [q, setQ] = useState('');
  const [fraudType, setFraudType] = useState<FraudType | undefined>();
  const [audience, setAudience] = useState<Audience | undefined>(initialAudience);
  const [page, setPage] = useState(1);
  // Readers (liaisons) only ever get published bulletins; staff ask for them.
  const status = account.role === 'liaison' ? undefined : ('published' as const);
  const query = useQuery({
    queryKey: ['content', 'bulletins', 'search', { q, fraudType, audience, page, status }],
    queryFn: () =>
      bulletinsApi.search({
        q: q === '' ? undefined : q,
        fraudType,
        audience,
        status,
        page,
        pageSize: PAGE_SIZE,
      }),
  });
  const filter = <T,>(set: (value: T) => void) => {
    return (value: T) => {
      set(value);
      setPage(1);
    };
  };
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t(heading)}</h1>
      <Space wrap style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('bu_search')}
          placeholder={t('bu_search')}
          allowClear
          maxLength={50}
          style={{ width: 260 }}
          onSearch={filter((value: string) => {
            setQ(value.trim());
          })}
        />
        <Select<FraudType>
          aria-label={t('bu_fraud_type')}
          placeholder={t('bu_all_fraud_types')}
          allowClear
          style={{ width: 200 }}
          options={taxonomy.fraudTypes}
          value={fraudType}
          onChange={filter(setFraudType)}
        />
        <Select<Audience>
          aria-label={t('bu_audiences')}
          placeholder={t('bu_all_audiences')}
          allowClear
          style={{ width: 200 }}
          options={taxonomy.audiences}
          value={audience}
          onChange={filter(setAudience)}
        />
      </Space>
      {query.isError && <ServiceError error={query.error} />}
      <Table<Bulletin>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('bu_none_found') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `${t('bu_total')} ${total}`,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('bu_title'),
            render: (_, b) => <Link to={`/bulletins/${b.id}`}>{b.title}</Link>,
          },
          { title: t('bu_fraud_type'), render: (_, b) => taxonomy.fraudTypeLabel(b.fraudType) },
          {
            title: t('bu_audiences'),
            render: (_, b) =>
              b.audiences.map((a) => <Tag key={a}>{taxonomy.audienceLabel(a)}</Tag>),
          },
          { title: t('bu_case_date'), dataIndex: 'caseDate', width: 110 },
          {
            title: t('bu_published_at'),
            render: (_, b) => (b.publishedAt === null ? '—' : shanghaiTime(b.publishedAt, lang)),
          },
        ]}
      />
    </>
  );
}
