// One bulletin as its readers see it (staff: the published version), with retract, edit and subscribe where allowed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useAccount } from '../shared/account.tsx';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { bulletinsApi, type Bulletin } from './api.ts';
import { BulletinContent } from './BulletinContent.tsx';
import { BulletinNotFound, isUnknownBulletin } from './NotFound.tsx';
import { BulletinState, ServiceError, useBulletin } from './WritePages.tsx';

function RetractButton({ bulletin }: { bulletin: Bulletin }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const retract = useMutation({
    mutationFn: (reason: string) => bulletinsApi.retract(bulletin.id, reason),
    onSuccess: async () => {
      setOpen(false);
      void message.success(t('bu_retracted_done'));
      await queryClient.invalidateQueries({ queryKey: ['content'] });
    },
    onError: (error) => {
      void message.error(error instanceof ApiError ? pick(error.text) : String(error));
    },
  });
  return (
    <>
      <Button
        danger
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('bu_retract')}
      </Button>
      <Modal
        open={open}
        title={t('bu_retract')}
        okText={t('bu_retract')}
        okButtonProps={{ danger: true, loading: retract.isPending }}
        cancelText={t('bu_cancel')}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => {
          void form.validateFields().then((v) => {
            retract.mutate(v.reason.trim());
          });
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('bu_retract_reason')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SubscribeButton({ bulletin }: { bulletin: Bulletin }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const subscribe = useMutation({
    mutationFn: () => bulletinsApi.subscribe({ fraudTypes: [bulletin.fraudType] }),
    onSuccess: async () => {
      void message.success(t('bu_subscribed'));
      await queryClient.invalidateQueries({ queryKey: ['content', 'subscriptions'] });
    },
    onError: (error) => {
      void message.error(error instanceof ApiError ? pick(error.text) : String(error));
    },
  });
  return (
    <Button
      onClick={() => {
        subscribe.mutate();
      }}
      loading={subscribe.isPending}
    >
      {t('bu_subscribe_type')}
    </Button>
  );
}

export function BulletinDetail() {
  const { t, lang } = useI18n();
  const account = useAccount();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const staff = account.role !== 'liaison';
  // Staff open the published text; a bulletin never published (or retracted) shows its latest.
  const published = useBulletin(id, 'published');
  const latest = useBulletin(id);
  const query = staff && published.data !== undefined ? published : latest;
  const b = query.data;
  if (isUnknownBulletin(latest.error)) return <BulletinNotFound />;
  const canRetract =
    b !== undefined &&
    b.status === 'published' &&
    (account.role === 'coordinator' ||
      account.role === 'reviewer' ||
      (account.role === 'officer' && b.authorId === account.id));
  return (
    <>
      {latest.isError && <ServiceError error={latest.error} />}
      <Card loading={b === undefined && !latest.isError}>
        {b !== undefined && (
          <>
            <h1 style={{ fontSize: 22, marginTop: 0 }}>{b.title}</h1>
            <Space wrap style={{ marginBottom: 16 }}>
              {staff && <BulletinState bulletin={b} />}
              {canRetract && <RetractButton bulletin={b} />}
              {account.role === 'officer' && b.status !== 'retracted' && (
                <Button onClick={() => void navigate(`/bulletins/${b.id}/edit`)}>
                  {t('bu_edit')}
                </Button>
              )}
              {account.role === 'liaison' && <SubscribeButton bulletin={b} />}
            </Space>
            {b.retraction !== null && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={`${t('bu_retraction')}：${b.retraction.reason}`}
                description={shanghaiTime(b.retraction.retractedAt, lang)}
              />
            )}
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('bu_version')}>{b.version}</Descriptions.Item>
              <Descriptions.Item label={t('bu_published_at')}>
                {b.publishedAt === null ? '—' : shanghaiTime(b.publishedAt, lang)}
              </Descriptions.Item>
            </Descriptions>
            <BulletinContent content={b} />
          </>
        )}
      </Card>
    </>
  );
}
