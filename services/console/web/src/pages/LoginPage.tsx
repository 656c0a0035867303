// Sign-in page: email and password; wrong-password, locked and CSRF answers shown in the reader's language.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError, type ErrorText } from '../api.ts';
import { useI18n } from '../i18n.tsx';

export function LoginPage() {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const info = await api.login(values.email, values.password);
      queryClient.setQueryData(['session'], info);
    } catch (e) {
      setError(e instanceof ApiError ? e.text : { zh: '网络错误', en: 'Network error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('signIn')}</h1>}
      style={{ maxWidth: 420, margin: '48px auto' }}
    >
      {error !== null && (
        <Alert
          type="error"
          role="alert"
          title={pick(error)}
          showIcon
          style={{ marginBottom: 16 }}
        />
      )}
      <Form layout="vertical" onFinish={(v: { email: string; password: string }) => void submit(v)}>
        <Form.Item
          label={t('email')}
          name="email"
          rules={[{ required: true, message: t('required') }]}
        >
          <Input type="email" autoComplete="username" />
        </Form.Item>
        <Form.Item
          label={t('password')}
          name="password"
          rules={[{ required: true, message: t('required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('signIn')}
        </Button>
      </Form>
    </Card>
  );
}
