// One partner bank: its details, edit, suspend or reactivate the partnership, and its branches and liaisons.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { BankType, labelIn, PartnershipStatus } from '../shared/labels.ts';
import { shanghaiTime } from '../shared/format.ts';
import { coordinatorApi, type Bank } from './api.ts';
import { BankForm } from './BankForm.tsx';
import { BranchesCard, LiaisonsCard } from './BankPeople.tsx';
import { TAG } from './tags.ts';
import { Unavailable, useErrorText } from './Unavailable.tsx';

function SuspendDialog({
  bank,
  open,
  onClose,
}: {
  bank: Bank;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    try {
      const saved = await coordinatorApi.suspendBank(bank.id, reason);
      queryClient.setQueryData(['co', 'bank', bank.id, 'head'], saved);
      void queryClient.invalidateQueries({ queryKey: ['co', 'banks'] });
      onClose();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t('co_suspend')}
      okText={t('co_suspend')}
      okButtonProps={{ danger: true }}
      cancelText={t('co_cancel')}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('co_suspendReason')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function BankDetail() {
  const { bankId = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [suspending, setSuspending] = useState(false);
  const bank = useQuery({
    queryKey: ['co', 'bank', bankId, 'head'],
    queryFn: () => coordinatorApi.bank(bankId),
  });

  const reactivate = async () => {
    try {
      queryClient.setQueryData(
        ['co', 'bank', bankId, 'head'],
        await coordinatorApi.reactivateBank(bankId),
      );
      void queryClient.invalidateQueries({ queryKey: ['co', 'banks'] });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const b = bank.data;
  return (
    <>
      <Link to="/banks">
        <ArrowLeftOutlined /> {t('co_backToBanks')}
      </Link>
      {bank.isError && <Unavailable error={bank.error} />}
      {b !== undefined && (
        <Space orientation="vertical" size={16} style={{ width: '100%', marginTop: 8 }}>
          <h1 style={{ fontSize: 22, margin: 0 }}>
            {b.name.zh}{' '}
            <Tag color={b.status === 'active' ? TAG.green : undefined}>
              {labelIn(PartnershipStatus, b.status, lang)}
            </Tag>
          </h1>
          {b.suspension !== null && (
            <Alert
              type="warning"
              showIcon
              title={`${t('co_suspendedBecause')}${b.suspension.reason}（${shanghaiTime(b.suspension.suspendedAt, lang)}）`}
            />
          )}
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('co_details')}</h2>}
            extra={
              <Space wrap>
                <Button
                  onClick={() => {
                    setEditing(true);
                  }}
                >
                  {t('co_editBank')}
                </Button>
                {b.status === 'active' ? (
                  <Button
                    danger
                    onClick={() => {
                      setSuspending(true);
                    }}
                  >
                    {t('co_suspend')}
                  </Button>
                ) : (
                  <Button type="primary" onClick={() => void reactivate()}>
                    {t('co_reactivate')}
                  </Button>
                )}
              </Space>
            }
          >
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'code', label: t('co_bankCode'), children: b.code },
                { key: 'short', label: t('co_shortName'), children: b.shortName },
                { key: 'en', label: t('co_bankNameEn'), children: b.name.en ?? '—' },
                { key: 'type', label: t('co_bankType'), children: labelIn(BankType, b.type, lang) },
                { key: 'district', label: t('co_district'), children: b.district },
                { key: 'address', label: t('co_address'), children: b.address },
                { key: 'since', label: t('co_partnerSince'), children: b.partnerSince ?? '—' },
                { key: 'notes', label: t('co_notes'), children: b.notes ?? '—' },
              ]}
            />
          </Card>
          <BranchesCard bankId={b.id} />
          <LiaisonsCard bankId={b.id} />
          <BankForm
            key={b.updatedAt}
            bank={b}
            open={editing}
            onClose={() => {
              setEditing(false);
            }}
            onSaved={(saved) => {
              setEditing(false);
              queryClient.setQueryData(['co', 'bank', bankId, 'head'], saved);
              void queryClient.invalidateQueries({ queryKey: ['co', 'banks'] });
            }}
          />
          <SuspendDialog
            bank={b}
            open={suspending}
            onClose={() => {
              setSuspending(false);
            }}
          />
        </Space>
      )}
    </>
  );
}
