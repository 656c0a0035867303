// Staff accounts: the list by role, a new coordinator/officer/reviewer (an activation link is emailed), deactivate.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useI18n, type TextKey } from '../i18n.tsx';
import { useAccount } from '../shared/account.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { coordinatorApi, type NewAccount, type StaffAccount } from './api.ts';
import { showFieldErrors } from './form-errors.ts';
import { TAG } from './tags.ts';
import { Unavailable, useErrorText } from './Unavailable.tsx';

const ROLES = ['coordinator', 'officer', 'reviewer', 'liaison'] as const;
const STATUS_COLOUR: Record<StaffAccount['status'], string | undefined> = {
  pending: TAG.blue,
  active: TAG.green,
  deactivated: undefined,
};

function NewAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewAccount>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: NewAccount) => {
    setSaving(true);
    try {
      await coordinatorApi.createAccount(v);
      void message.success(t('co_activationSent'));
      await queryClient.invalidateQueries({ queryKey: ['co', 'accounts'] });
      onClose();
    } catch (error) {
      const toast = showFieldErrors(form, error, lang);
      if (toast !== undefined) void message.error(toast);
    } finally {
      setSaving(false);
    }
  };
  const text = [{ required: true, whitespace: true, message: t('required') }];
  return (
    <Modal
      open={open}
      title={t('co_newAccount')}
      okText={t('co_save')}
      cancelText={t('co_cancel')}
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewAccount>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ role: 'officer', language: 'zh' }}
      >
        <Form.Item name="role" label={t('co_accountRole')} rules={[{ required: true }]}>
          <Select
            options={(['coordinator', 'officer', 'reviewer'] as const).map((r) => ({
              value: r,
              label: t(`role_${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('co_accountName')} rules={text}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="email" label={t('co_accountEmail')} rules={text}>
          <Input type="email" maxLength={254} />
        </Form.Item>
        <Form.Item name="language" label={t('co_accountLanguage')}>
          <Select
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AccountsPage() {
  const { t, lang } = useI18n();
  const me = useAccount();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const accounts = useQuery({
    queryKey: ['co', 'accounts', role],
    queryFn: () => coordinatorApi.accounts(role === undefined ? {} : { role }),
  });
  const deactivate = async (id: string) => {
    try {
      await coordinatorApi.deactivateAccount(id);
      await queryClient.invalidateQueries({ queryKey: ['co', 'accounts'] });
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('co_accountsTitle')}</h1>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label={t('co_accountRole')}
          placeholder={t('co_allRoles')}
          value={role}
          onChange={(value: string | undefined) => {
            setRole(value);
          }}
          options={ROLES.map((r) => ({ value: r, label: t(`role_${r}`) }))}
          style={{ width: 180 }}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setAdding(true);
          }}
        >
          {t('co_newAccount')}
        </Button>
      </Space>
      {accounts.isError ? (
        <Unavailable error={accounts.error} />
      ) : (
        <Table
          rowKey="id"
          loading={accounts.isPending}
          dataSource={accounts.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('co_accountName'), dataIndex: 'name' },
            { title: t('co_accountEmail'), dataIndex: 'email' },
            { title: t('co_accountRole'), render: (_, a) => t(`role_${a.role}`) },
            {
              title: t('co_accountStatus'),
              render: (_, a) => (
                <Tag color={STATUS_COLOUR[a.status]}>{t(`co_status_${a.status}` as TextKey)}</Tag>
              ),
            },
            { title: t('co_createdAt'), render: (_, a) => shanghaiTime(a.createdAt, lang) },
            {
              title: t('co_actions'),
              render: (_, a) =>
                a.status !== 'deactivated' &&
                a.id !== me.id && (
                  <Popconfirm
                    title={t('co_confirmDeactivate')}
                    onConfirm={() => void deactivate(a.id)}
                  >
                    <Button size="small" danger aria-label={`${t('co_deactivate')} ${a.name}`}>
                      {t('co_deactivate')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <NewAccountDialog
        open={adding}
        onClose={() => {
          setAdding(false);
        }}
      />
    </>
  );
}
