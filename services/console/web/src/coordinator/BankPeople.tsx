// A bank's branches and liaisons: tables with an add form beneath each and a remove in each row (mobiles masked).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useI18n } from '../i18n.tsx';
import { labelIn, LiaisonRole, optionsOf } from '../shared/labels.ts';
import { coordinatorApi, type NewBranch, type NewLiaison } from './api.ts';
import { showFieldErrors } from './form-errors.ts';
import { maskMobile } from './mask.ts';
import { TAG } from './tags.ts';
import { Unavailable, useErrorText } from './Unavailable.tsx';

const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);

export function BranchesCard({ bankId }: { bankId: string }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; address: string; phone?: string }>();
  const branches = useQuery({
    queryKey: ['co', 'bank', bankId, 'branches'],
    queryFn: () => coordinatorApi.branches(bankId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['co', 'bank', bankId] });
  const required = [{ required: true, whitespace: true, message: t('required') }];

  const add = async (v: { name: string; address: string; phone?: string }) => {
    const body: NewBranch = { name: v.name, address: v.address, phone: orNull(v.phone) };
    try {
      await coordinatorApi.addBranch(bankId, body);
      form.resetFields();
      await refresh();
    } catch (error) {
      const toast = showFieldErrors(form, error, lang);
      if (toast !== undefined) void message.error(toast);
    }
  };
  const remove = async (branchId: string) => {
    try {
      await coordinatorApi.removeBranch(bankId, branchId);
      await refresh();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('co_branches')}</h2>}
      data-testid="branches"
    >
      {branches.isError ? (
        <Unavailable error={branches.error} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={branches.isPending}
          dataSource={branches.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('co_branchName'), dataIndex: 'name' },
            { title: t('co_address'), dataIndex: 'address' },
            { title: t('co_phone'), render: (_, b) => b.phone ?? '—' },
            {
              title: t('co_actions'),
              render: (_, b) => (
                <Popconfirm title={t('co_confirmRemove')} onConfirm={() => void remove(b.id)}>
                  <Button size="small" danger aria-label={`${t('co_remove')} ${b.name}`}>
                    {t('co_remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void add(v)}
        style={{ marginTop: 16, rowGap: 8 }}
      >
        <Form.Item name="name" label={t('co_branchName')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('co_address')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('co_phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Button htmlType="submit">{t('co_addBranch')}</Button>
      </Form>
    </Card>
  );
}

interface LiaisonValues {
  name: string;
  mobile: string;
  email: string;
  title?: string;
  role: NonNullable<NewLiaison['role']>;
}

export function LiaisonsCard({ bankId }: { bankId: string }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LiaisonValues>();
  const liaisons = useQuery({
    queryKey: ['co', 'bank', bankId, 'liaisons'],
    queryFn: () => coordinatorApi.liaisons(bankId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['co', 'bank', bankId] });
  const required = [{ required: true, whitespace: true, message: t('required') }];

  const add = async (v: LiaisonValues) => {
    try {
      await coordinatorApi.addLiaison(bankId, {
        name: v.name,
        mobile: v.mobile,
        email: v.email,
        title: orNull(v.title),
        role: v.role,
      });
      form.resetFields();
      await refresh();
    } catch (error) {
      const toast = showFieldErrors(form, error, lang);
      if (toast !== undefined) void message.error(toast);
    }
  };
  const remove = async (liaisonId: string) => {
    try {
      await coordinatorApi.removeLiaison(bankId, liaisonId);
      await refresh();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('co_liaisons')}</h2>}
      data-testid="liaisons"
    >
      {liaisons.isError ? (
        <Unavailable error={liaisons.error} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={liaisons.isPending}
          dataSource={liaisons.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('co_liaisonName'), dataIndex: 'name' },
            { title: t('co_mobile'), render: (_, l) => maskMobile(l.mobile) },
            { title: t('co_accountEmail'), dataIndex: 'email' },
            { title: t('co_liaisonRole'), render: (_, l) => labelIn(LiaisonRole, l.role, lang) },
            {
              title: t('status'),
              render: (_, l) =>
                l.active ? (
                  <Tag color={TAG.green}>{t('co_active')}</Tag>
                ) : (
                  <Tag>{t('co_removed')}</Tag>
                ),
            },
            {
              title: t('co_actions'),
              render: (_, l) =>
                l.active && (
                  <Popconfirm title={t('co_confirmRemove')} onConfirm={() => void remove(l.id)}>
                    <Button size="small" danger aria-label={`${t('co_remove')} ${l.name}`}>
                      {t('co_remove')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <Form<LiaisonValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void add(v)}
        initialValues={{ role: 'primary' }}
        style={{ marginTop: 16 }}
      >
        <Space wrap align="start">
          <Form.Item name="name" label={t('co_liaisonName')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="mobile" label={t('co_mobile')} rules={required}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
          <Form.Item name="email" label={t('co_accountEmail')} rules={required}>
            <Input maxLength={254} type="email" />
          </Form.Item>
          <Form.Item name="title" label={t('co_liaisonTitle')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="role" label={t('co_liaisonRole')}>
            <Select options={optionsOf(LiaisonRole, lang)} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Button htmlType="submit">{t('co_addLiaison')}</Button>
      </Form>
    </Card>
  );
}
