// My subscriptions: the fraud types and audiences I am emailed about, added and removed here (content /subscriptions).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Popconfirm, Select, Space, Tag } from 'antd';
import { ApiError } from '../api.ts';
import { useAccount } from '../shared/account.tsx';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { bulletinsApi, type Audience, type FraudType } from './api.ts';
import { useTaxonomy } from './taxonomy.ts';
import { ServiceError } from './WritePages.tsx';

interface AddValues {
  fraudTypes: FraudType[];
  audiences: Audience[];
  language: 'zh' | 'en';
  email?: string;
}

export function Subscriptions() {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const account = useAccount();
  const taxonomy = useTaxonomy();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AddValues>();
  const key = ['content', 'subscriptions'];
  const list = useQuery({ queryKey: key, queryFn: bulletinsApi.subscriptions });
  const fail = (error: unknown) => {
    void message.error(error instanceof ApiError ? pick(error.text) : String(error));
  };
  const add = useMutation({
    mutationFn: (v: AddValues) =>
      bulletinsApi.subscribe({
        fraudTypes: v.fraudTypes,
        audiences: v.audiences,
        language: v.language,
        ...(v.email === undefined || v.email.trim() === '' ? {} : { email: v.email.trim() }),
      }),
    onSuccess: async () => {
      void message.success(t('bu_subscribed'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (id: string) => bulletinsApi.unsubscribe(id),
    onSuccess: async () => {
      void message.success(t('bu_sub_removed'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: fail,
  });
  // Police staff name the address; a liaison's emails go to the address on their bank's record.
  const staff = account.role !== 'liaison';
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('bu_subscriptions')}</h1>
      {list.isError && <ServiceError error={list.error} />}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('bu_sub_add')}</h2>}>
        <p>{t('bu_sub_hint')}</p>
        <Form<AddValues>
          form={form}
          layout="vertical"
          initialValues={{ fraudTypes: [], audiences: [], language: lang }}
          onFinish={(v) => {
            add.mutate(v);
          }}
        >
          <Form.Item
            name="fraudTypes"
            label={t('bu_fraud_type')}
            dependencies={['audiences']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: FraudType[]) =>
                  value.length === 0 && (getFieldValue('audiences') as Audience[]).length === 0
                    ? Promise.reject(new Error(t('bu_sub_pick_one')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Select
              mode="multiple"
              options={taxonomy.fraudTypes}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="audiences" label={t('bu_audiences')}>
            <Select
              mode="multiple"
              options={taxonomy.audiences}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="language" label={t('bu_sub_language')}>
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'zh', label: t('bu_lang_zh') },
                  { value: 'en', label: t('bu_lang_en') },
                ]}
              />
            </Form.Item>
            {staff && (
              <Form.Item
                name="email"
                label={t('bu_sub_email')}
                rules={[{ required: true, type: 'email', message: t('required') }]}
              >
                <Input type="email" style={{ width: 260 }} />
              </Form.Item>
            )}
          </Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('bu_sub_add')}
          </Button>
        </Form>
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('bu_subscriptions')}</h2>}
      >
        <div data-testid="subscriptions">
          <List
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('bu_sub_none') }}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="remove"
                    title={t('bu_sub_confirm')}
                    okText={t('bu_sub_remove')}
                    cancelText={t('bu_cancel')}
                    onConfirm={() => {
                      remove.mutate(s.id);
                    }}
                  >
                    <Button danger size="small">
                      {t('bu_sub_remove')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Space wrap size={4}>
                  {s.fraudTypes.map((f) => (
                    <Tag key={f} color="red">
                      {taxonomy.fraudTypeLabel(f)}
                    </Tag>
                  ))}
                  {s.audiences.map((a) => (
                    <Tag key={a} color="blue">
                      {taxonomy.audienceLabel(a)}
                    </Tag>
                  ))}
                  <span>
                    {s.language === 'zh' ? t('bu_lang_zh') : t('bu_lang_en')} ·{' '}
                    {shanghaiTime(s.createdAt, lang)}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </div>
      </Card>
    </>
  );
}
