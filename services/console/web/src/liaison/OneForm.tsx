// Registering one person: name, mobile, position, branch (and an email for the confirmation); the service's field errors shown on the fields.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, type ErrorText } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { liaisonApi, type AttendeeBody, type Registration } from './api.ts';
import { waitlistPlace } from './format.ts';

interface Values {
  name: string;
  mobile: string;
  position?: string;
  branch?: string;
  email?: string;
}

const FIELDS = ['name', 'mobile', 'position', 'branch', 'email'] as const;

const orNull = (v: string | undefined): string | null =>
  v === undefined || v.trim() === '' ? null : v;

export function OneForm({ sessionId }: { sessionId: string }) {
  const { t, pick, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Registration | null>(null);
  const [failure, setFailure] = useState<ErrorText | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setDone(null);
    setFailure(null);
    const body: AttendeeBody = {
      name: values.name,
      mobile: values.mobile,
      position: orNull(values.position),
      branch: orNull(values.branch),
      email: orNull(values.email),
    };
    try {
      const registration = await liaisonApi.registerOne(sessionId, body);
      setDone(registration);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['li'] });
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setFailure({ zh: '网络错误', en: 'Network error' });
        return;
      }
      // Field errors (400 details, or the duplicate mobile's 409) go next to their fields.
      const onFields = e.details.flatMap((d) => {
        const name = FIELDS.find((f) => f === d.path);
        return name === undefined ? [] : [{ name, errors: [pick(d.message)] }];
      });
      form.setFields(onFields);
      if (onFields.length === 0 || e.status !== 400) setFailure(e.text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 480 }}>
      {done !== null && (
        <Alert
          role="status"
          type={done.status === 'confirmed' ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            done.status === 'waitlisted' && done.waitlist !== null
              ? `${done.attendee.name}：${t('li_waitlistedMsg')}（${waitlistPlace(done.waitlist.position, lang)}）`
              : `${done.attendee.name}：${t('li_confirmedMsg')}`
          }
        />
      )}
      {failure !== null && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={pick(failure)}
        />
      )}
      <Form.Item
        label={t('li_attendeeName')}
        name="name"
        rules={[{ required: true, message: t('required') }]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        label={t('li_mobile')}
        name="mobile"
        rules={[{ required: true, message: t('required') }]}
      >
        <Input inputMode="tel" autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item label={t('li_position')} name="position">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t('li_branch')} name="branch">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('li_email')} name="email">
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('li_submitOne')}
      </Button>
    </Form>
  );
}
