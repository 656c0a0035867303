// The session's three-colour feedback: the tally per dimension, the red ratings to follow up, the room's public link (QR), and feedback taken at the door.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api.ts';
import { useI18n, type TextKey } from '../i18n.tsx';
import { officerApi, type Summary } from './api.ts';
import { CameraScanner } from './CameraScanner.tsx';
import { checkInBody } from './check-in-input.ts';
import { TAG_COLOURS } from './OfficerTheme.tsx';
import { COLOURS, DIMENSIONS, RatingFields, type Colour, type Ratings } from './RatingFields.tsx';
import { RoomFeedbackLink } from './RoomFeedbackLink.tsx';
import { Failure, SessionFrame, useSessionId } from './SessionFrame.tsx';

const TAG: Record<Colour, string> = {
  red: TAG_COLOURS.red,
  yellow: TAG_COLOURS.gold,
  blue: TAG_COLOURS.blue,
};

function Tally({ summary }: { summary: Summary }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="dimension"
      pagination={false}
      dataSource={DIMENSIONS.map((d) => ({ dimension: d, ...summary.feedback[d] }))}
      columns={[
        { title: t('of_dimension'), render: (_, row) => t(`of_dim_${row.dimension}`) },
        ...COLOURS.map((c) => ({
          // The short name: three long tags side by side are wider than a phone.
          title: <Tag color={TAG[c]}>{t(`of_colourShort_${c}`)}</Tag>,
          render: (_: unknown, row: Record<Colour, number>) => row[c],
        })),
      ]}
    />
  );
}

/** Feedback taken on the officer's phone: the attendee's QR (their credential), then three colours. */
function AtTheDoor({ onSent }: { onSent: () => void }) {
  const { t, pick } = useI18n();
  const [token, setToken] = useState('');
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  const [form] = Form.useForm<Ratings & { comment?: string }>();
  const send = async () => {
    const values = await form.validateFields();
    const body = checkInBody(token);
    if (body === null || !('token' in body)) {
      setState({ ok: false, text: t('of_scanFirst') });
      return;
    }
    try {
      await call('POST', '/api/outreach/feedback', {
        token: body.token,
        attitude: values.attitude,
        tone: values.tone,
        expression: values.expression,
        comment: values.comment === undefined || values.comment === '' ? null : values.comment,
      });
      setState({ ok: true, text: t('of_feedbackThanks') });
      setToken('');
      form.resetFields();
      onSent();
    } catch (error) {
      setState({
        ok: false,
        text: error instanceof ApiError ? pick(error.text) : t('unavailable'),
      });
    }
  };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('of_atTheDoor')}</h2>}>
      <Typography.Paragraph>{t('of_atTheDoorHint')}</Typography.Paragraph>
      <CameraScanner onDecoded={setToken} />
      <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label={t('of_attendeeQr')}>
          <Input
            aria-label={t('of_attendeeQr')}
            value={token}
            onChange={(e) => {
              setToken(e.target.value);
            }}
          />
        </Form.Item>
        <RatingFields />
        <Form.Item name="comment" label={t('of_comment')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" onClick={() => void send()} block>
            {t('of_sendFeedback')}
          </Button>
          {state !== null && (
            <Alert type={state.ok ? 'success' : 'error'} showIcon title={state.text} />
          )}
        </Space>
      </Form>
    </Card>
  );
}

export function FeedbackPage() {
  const { t } = useI18n();
  const sessionId = useSessionId();
  const queryClient = useQueryClient();
  const summary = useQuery({
    queryKey: ['of-summary', sessionId],
    queryFn: () => officerApi.summary(sessionId),
  });
  const statusText = (s: 'open' | 'closed'): TextKey =>
    s === 'open' ? 'of_followUpOpen' : 'of_followUpClosed';
  return (
    <SessionFrame heading="of_feedback">
      {() => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {summary.isError && <Failure error={summary.error} />}
          {summary.data !== undefined && (
            <Card
              size="small"
              title={
                <h2 style={{ fontSize: 16, margin: 0 }}>
                  {t('of_tally')} · {summary.data.feedback.responses} {t('of_responses')}
                </h2>
              }
            >
              <Tally summary={summary.data} />
              <h3 style={{ fontSize: 15, marginTop: 16 }}>{t('of_followUps')}</h3>
              <Table
                size="small"
                rowKey="registrationId"
                pagination={false}
                dataSource={summary.data.followUps}
                locale={{
                  emptyText: (
                    <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{t('of_noFollowUps')}</span>
                  ),
                }}
                columns={[
                  { title: t('of_comment'), render: (_, f) => f.comment ?? '—' },
                  { title: t('status'), render: (_, f) => <Tag>{t(statusText(f.status))}</Tag> },
                  { title: t('of_action'), render: (_, f) => f.action ?? '—' },
                ]}
              />
            </Card>
          )}
          <RoomFeedbackLink sessionId={sessionId} />
          <AtTheDoor
            onSent={() =>
              void queryClient.invalidateQueries({ queryKey: ['of-summary', sessionId] })
            }
          />
        </Space>
      )}
    </SessionFrame>
  );
}
