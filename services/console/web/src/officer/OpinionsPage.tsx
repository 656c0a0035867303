// 社情民意: the opinions raised at a session (or all the officer follows up), recording one, and resolving it with what was done.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useAccount } from '../shared/account.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { officerApi, type NewOpinion, type Opinion } from './api.ts';
import { TAG_COLOURS } from './OfficerTheme.tsx';
import { Failure, SessionFrame, useSessionId } from './SessionFrame.tsx';

const CATEGORIES = [
  'public_order',
  'internal_management',
  'legal_service',
  'traffic',
  'fraud',
  'other',
] as const;
/** Due in this many days: the choices a person makes at the venue, not a date to pick. */
const DUE_DAYS = [3, 7, 15, 30] as const;
const DAY_MS = 86_400_000;

function useErrorText() {
  const { t, pick } = useI18n();
  return (error: unknown) => (error instanceof ApiError ? pick(error.text) : t('unavailable'));
}

function RecordOpinion({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const account = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{
    category: NewOpinion['category'];
    text: string;
    raisedBy: string;
    dueInDays: number;
  }>();
  const raise = useMutation({
    mutationFn: (v: {
      category: NewOpinion['category'];
      text: string;
      raisedBy: string;
      dueInDays: number;
    }) =>
      officerApi.raiseOpinion(sessionId, {
        category: v.category,
        text: v.text,
        raisedBy: v.raisedBy,
        ownerId: account.id,
        dueAt: new Date(Date.now() + v.dueInDays * DAY_MS).toISOString(),
      }),
    onSuccess: async () => {
      form.resetFields();
      void message.success(t('of_opinionRecorded'));
      await queryClient.invalidateQueries({ queryKey: ['of-opinions'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('of_recordOpinion')}</h2>}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dueInDays: 7 }}
        onFinish={(v) => {
          raise.mutate(v);
        }}
      >
        <Form.Item
          name="category"
          label={t('of_category')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`of_cat_${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('of_opinionText')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="raisedBy"
          label={t('of_raisedBy')}
          extra={t('of_raisedByHint')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="dueInDays" label={t('of_dueIn')}>
          <Select options={DUE_DAYS.map((d) => ({ value: d, label: `${d} ${t('of_days')}` }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={raise.isPending} block>
          {t('of_recordOpinion')}
        </Button>
      </Form>
    </Card>
  );
}

function OpinionList({ filter }: { filter: { sessionId: string } | { ownerId: string } }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState<Opinion | null>(null);
  const [note, setNote] = useState('');
  const opinions = useQuery({
    queryKey: ['of-opinions', filter],
    queryFn: () => officerApi.opinions(filter),
  });
  const resolve = useMutation({
    mutationFn: (o: Opinion) => officerApi.resolveOpinion(o.id, note),
    onSuccess: async () => {
      setResolving(null);
      setNote('');
      void message.success(t('of_opinionResolved'));
      await queryClient.invalidateQueries({ queryKey: ['of-opinions'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <>
      {opinions.isError && <Failure error={opinions.error} />}
      <Table
        size="small"
        rowKey="id"
        loading={opinions.isPending}
        dataSource={opinions.data?.items ?? []}
        pagination={false}
        locale={{
          emptyText: <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{t('of_noOpinions')}</span>,
        }}
        columns={[
          { title: t('of_category'), render: (_, o) => t(`of_cat_${o.category}`) },
          { title: t('of_opinionText'), dataIndex: 'text' },
          { title: t('of_raisedBy'), dataIndex: 'raisedBy' },
          {
            title: t('of_dueAt'),
            render: (_, o) => (
              <>
                {shanghaiTime(o.dueAt, lang)}{' '}
                {o.overdue && <Tag color={TAG_COLOURS.red}>{t('of_overdue')}</Tag>}
              </>
            ),
          },
          {
            title: t('status'),
            render: (_, o) =>
              o.status === 'resolved' ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={TAG_COLOURS.green}>{t('of_op_resolved')}</Tag>
                  <Typography.Text type="secondary">{o.resolutionNote}</Typography.Text>
                </Space>
              ) : (
                <Button
                  size="small"
                  onClick={() => {
                    setResolving(o);
                  }}
                >
                  {t(`of_op_${o.status}`)} · {t('of_resolve')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={resolving !== null}
        title={t('of_resolve')}
        okText={t('of_resolve')}
        okButtonProps={{ disabled: note.trim() === '', loading: resolve.isPending }}
        onOk={() => {
          if (resolving !== null) resolve.mutate(resolving);
        }}
        onCancel={() => {
          setResolving(null);
        }}
      >
        <Typography.Paragraph>{resolving?.text}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('of_resolutionNote')}
          placeholder={t('of_resolutionNote')}
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </Modal>
    </>
  );
}

/** One session's opinions, with the form to record one. */
export function SessionOpinionsPage() {
  const sessionId = useSessionId();
  return (
    <SessionFrame heading="of_opinions">
      {() => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <RecordOpinion sessionId={sessionId} />
          <OpinionList filter={{ sessionId }} />
        </Space>
      )}
    </SessionFrame>
  );
}

/** Every opinion the officer follows up, overdue ones marked. */
export function MyOpinionsPage() {
  const { t } = useI18n();
  const account = useAccount();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('of_myOpinions')}
      </Typography.Title>
      <OpinionList filter={{ ownerId: account.id }} />
    </>
  );
}
