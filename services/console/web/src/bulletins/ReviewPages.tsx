// The reviewer's screens: the queue of submitted versions, and one version against an earlier one, approved or returned.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
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
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { bulletinsApi, type Bulletin, type Version } from './api.ts';
import { BulletinContent } from './BulletinContent.tsx';
import { BulletinNotFound, isUnknownBulletin } from './NotFound.tsx';
import { StateTag } from './status.tsx';
import { useTaxonomy } from './taxonomy.ts';
import { VersionDiff } from './VersionDiff.tsx';
import { ServiceError, useBulletin } from './WritePages.tsx';

const PAGE_SIZE = 20;

export function ReviewQueue() {
  const { t, lang } = useI18n();
  const taxonomy = useTaxonomy();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['content', 'bulletins', 'review', page],
    queryFn: () => bulletinsApi.search({ awaitingReview: true, page, pageSize: PAGE_SIZE }),
  });
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('bu_review_queue')}</h1>
      {query.isError && <ServiceError error={query.error} />}
      <Table<Bulletin>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('bu_queue_empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('bu_title'), render: (_, b) => <Link to={`/review/${b.id}`}>{b.title}</Link> },
          { title: t('bu_fraud_type'), render: (_, b) => taxonomy.fraudTypeLabel(b.fraudType) },
          {
            title: t('bu_version'),
            render: (_, b) => (
              <Space size={4}>
                {b.version}
                {b.publishedVersion !== null && <Tag>{t('bu_pending')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('bu_submitted_at'),
            render: (_, b) => (b.submittedAt === null ? '—' : shanghaiTime(b.submittedAt, lang)),
          },
        ]}
      />
    </>
  );
}

function RejectButton({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const reject = useMutation({
    mutationFn: (comment: string) => bulletinsApi.reject(id, comment),
    onSuccess: () => {
      setOpen(false);
      void message.success(t('bu_rejected'));
      onDone();
    },
    onError: (error) => {
      void message.error(error instanceof ApiError ? pick(error.text) : String(error));
    },
  });
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('bu_reject')}
      </Button>
      <Modal
        open={open}
        title={t('bu_reject')}
        okText={t('bu_reject')}
        okButtonProps={{ loading: reject.isPending }}
        cancelText={t('bu_cancel')}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => {
          void form.validateFields().then((v) => {
            reject.mutate(v.comment.trim());
          });
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label={t('bu_reject_comment')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 1000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The version to compare with by default: the published one, else the latest earlier one. */
function defaultBase(bulletin: Bulletin, earlier: Version[]): number | undefined {
  if (bulletin.publishedVersion !== null && bulletin.publishedVersion !== bulletin.version) {
    return bulletin.publishedVersion;
  }
  return earlier.at(-1)?.number;
}

export function ReviewBulletin() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const bulletin = useBulletin(id);
  const versions = useQuery({
    queryKey: ['content', 'versions', id],
    queryFn: () => bulletinsApi.versions(id),
  });
  const [picked, setPicked] = useState<number | undefined>();
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['content'] });
    void navigate('/review');
  };
  const approve = useMutation({
    mutationFn: () => bulletinsApi.approve(id),
    onSuccess: () => {
      void message.success(t('bu_approved'));
      done();
    },
    onError: (error) => {
      void message.error(error instanceof ApiError ? pick(error.text) : String(error));
    },
  });
  if (isUnknownBulletin(bulletin.error)) {
    return <BulletinNotFound />;
  }
  const b = bulletin.data;
  const all = versions.data?.versions ?? [];
  const current = all.find((v) => v.number === b?.version);
  const earlier = all.filter((v) => b !== undefined && v.number < b.version);
  const baseNumber = picked ?? (b === undefined ? undefined : defaultBase(b, earlier));
  const base = earlier.find((v) => v.number === baseNumber);
  const inReview = b?.pendingVersion?.state === 'in_review';
  return (
    <>
      <h1 style={{ fontSize: 22 }}>
        {t('bu_review')}
        {b !== undefined && `：${b.title}`}
      </h1>
      {(bulletin.isError || versions.isError) && (
        <ServiceError error={bulletin.error ?? versions.error} />
      )}
      <Card loading={b === undefined || current === undefined}>
        {b !== undefined && current !== undefined && (
          <>
            <Space wrap style={{ marginBottom: 16 }}>
              <span>
                {t('bu_version')} {current.number}
              </span>
              <StateTag state={current.state} />
              {earlier.length > 0 && (
                <Select<number>
                  aria-label={t('bu_compare_with')}
                  style={{ minWidth: 200 }}
                  value={baseNumber}
                  onChange={setPicked}
                  options={earlier.map((v) => ({
                    value: v.number,
                    label: `${t('bu_compare_with')} ${t('bu_version')} ${v.number}（${t(`bu_st_${v.state}`)}）`,
                  }))}
                />
              )}
            </Space>
            {current.rejections.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('bu_rejected_with')}
                description={current.rejections.map((r) => r.comment).join('；')}
              />
            )}
            <h2 style={{ fontSize: 18 }}>
              {base === undefined ? t('bu_content') : t('bu_changes')}
            </h2>
            {base === undefined ? (
              <>
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={t('bu_first_version')}
                />
                <BulletinContent content={current} />
              </>
            ) : (
              <VersionDiff before={base} after={current} />
            )}
            {inReview && (
              <Space wrap style={{ marginTop: 24 }}>
                <Popconfirm
                  title={t('bu_approve_confirm')}
                  okText={t('bu_approve_ok')}
                  cancelText={t('bu_cancel')}
                  onConfirm={() => {
                    approve.mutate();
                  }}
                >
                  <Button type="primary" loading={approve.isPending}>
                    {t('bu_approve')}
                  </Button>
                </Popconfirm>
                <RejectButton id={b.id} onDone={done} />
              </Space>
            )}
          </>
        )}
      </Card>
    </>
  );
}
