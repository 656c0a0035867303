// The room's public feedback page (/feedback/<session>): an attendee on their own phone, without an account, enters their check-in code and rates the session (ADR 035).
import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { officerApi, type FeedbackResult } from './api.ts';
import { OfficerTheme } from './OfficerTheme.tsx';
import { RatingFields, type Ratings } from './RatingFields.tsx';

type Values = Ratings & { code: string; comment?: string };

function FeedbackForm({ sessionId }: { sessionId: string }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<FeedbackResult | null>(null);
  const send = async (values: Values) => {
    setSending(true);
    setFailure(null);
    try {
      const comment = values.comment?.trim() ?? '';
      setDone(
        await officerApi.publicFeedback(sessionId, {
          code: values.code,
          attitude: values.attitude,
          tone: values.tone,
          expression: values.expression,
          comment: comment === '' ? null : comment,
        }),
      );
    } catch (error) {
      const text = error instanceof ApiError ? pick(error.text) : t('unavailable');
      setFailure(text);
      // The service names the field it refused (a wrong code): the message sits beside it.
      if (error instanceof ApiError) {
        const fields = error.details
          .filter((d) => d.path === 'code')
          .map((d) => ({ name: 'code' as const, errors: [pick(d.message)] }));
        if (fields.length > 0) form.setFields(fields);
      }
    } finally {
      setSending(false);
    }
  };
  if (done !== null) {
    return (
      <Result
        status="success"
        title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('of_pub_thanks')}</h2>}
        subTitle={done.followUpOpened ? t('of_pub_thanksRed') : undefined}
      />
    );
  }
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void send(v)} requiredMark={false}>
      <Form.Item
        name="code"
        label={t('of_pub_code')}
        extra={t('of_pub_codeHint')}
        rules={[{ required: true, whitespace: true, message: t('required') }]}
      >
        <Input
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          size="large"
          style={{ letterSpacing: 4, maxWidth: 240 }}
        />
      </Form.Item>
      <RatingFields />
      <Form.Item name="comment" label={t('of_comment')}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" loading={sending} block size="large">
          {t('of_sendFeedback')}
        </Button>
        {failure !== null && (
          <div role="alert">
            <Alert type="error" showIcon title={failure} />
          </div>
        )}
      </Space>
    </Form>
  );
}

export function PublicFeedbackPage() {
  const { t } = useI18n();
  const { sessionId = '' } = useParams();
  return (
    <OfficerTheme>
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Card>
          <h1 style={{ fontSize: 22, marginTop: 0 }}>{t('of_pub_title')}</h1>
          <Typography.Paragraph>{t('of_pub_intro')}</Typography.Paragraph>
          <FeedbackForm sessionId={sessionId} />
        </Card>
      </div>
    </OfficerTheme>
  );
}
