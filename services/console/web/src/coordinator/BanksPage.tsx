// The partner banks: search, filter by partnership status, add one; each row opens the bank's detail.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { BankType, labelIn, optionsOf, PartnershipStatus } from '../shared/labels.ts';
import { coordinatorApi } from './api.ts';
import { BankForm } from './BankForm.tsx';
import { TAG } from './tags.ts';
import { Unavailable } from './Unavailable.tsx';

export function BanksPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const banks = useQuery({
    queryKey: ['co', 'banks', q, status, page],
    queryFn: () =>
      coordinatorApi.banks({
        ...(q === '' ? {} : { q }),
        ...(status === undefined ? {} : { status }),
        page,
        pageSize: 20,
      }),
  });

  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('co_banksTitle')}</h1>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('co_search')}
          placeholder={t('co_search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          aria-label={t('status')}
          placeholder={t('status')}
          value={status}
          onChange={(value: string | undefined) => {
            setStatus(value);
            setPage(1);
          }}
          options={optionsOf(PartnershipStatus, lang)}
          style={{ width: 160 }}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setAdding(true);
          }}
        >
          {t('co_newBank')}
        </Button>
      </Space>
      {banks.isError ? (
        <Unavailable error={banks.error} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={banks.isPending}
          dataSource={banks.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{
            current: page,
            pageSize: 20,
            total: banks.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          columns={[
            { title: t('co_bankCode'), dataIndex: 'code' },
            {
              title: t('name'),
              render: (_, b) => (
                <Link to={`/banks/${b.id}`}>
                  {lang === 'en' ? (b.name.en ?? b.name.zh) : b.name.zh}
                </Link>
              ),
            },
            { title: t('co_bankType'), render: (_, b) => labelIn(BankType, b.type, lang) },
            { title: t('co_district'), dataIndex: 'district' },
            { title: t('co_branches'), dataIndex: 'branchCount' },
            { title: t('co_liaisons'), dataIndex: 'activeLiaisonCount' },
            {
              title: t('status'),
              render: (_, b) => (
                <Tag color={b.status === 'active' ? TAG.green : undefined}>
                  {labelIn(PartnershipStatus, b.status, lang)}
                </Tag>
              ),
            },
          ]}
        />
      )}
      <BankForm
        open={adding}
        onClose={() => {
          setAdding(false);
        }}
        onSaved={(bank) => {
          setAdding(false);
          void queryClient.invalidateQueries({ queryKey: ['co', 'banks'] });
          void navigate(`/banks/${bank.id}`);
        }}
      />
    </>
  );
}
