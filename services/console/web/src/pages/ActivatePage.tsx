// Activation page of the emailed link: the holder chooses a first password, then signs in.
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError, type ErrorText } from '../api.ts';
import { useI18n } from '../i18n.tsx';

export function ActivatePage({ token }: { token: string }) {
  const { t, pick } = useI18n();
  const [error, setError] = useState<ErrorText | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (values: { password: string }) => {
    setError(null);
    try {
      await api.session(); // the pre-session CSRF token
      await api.activate(token, values.password);
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.text : { zh: '网络错误', en: 'Network error' });
    }
  };
  if (done) {
    return (
      <Card style={{ maxWidth: 420, margin: '48px auto' }}>
        <Alert type="success" title={t('activated')} showIcon />
        <Button type="link" href="/">
          {t('signIn')}
        </Button>
      </Card>
    );
  }
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('activate')}</h1>}
      style={{ maxWidth: 420, margin: '48px auto' }}
    >
      <p>{t('activateHint')}</p>
      {error !== null && <Alert type="error" role="alert" title={pick(error)} showIcon />}
      <Form layout="vertical" onFinish={(v: { password: string }) => void submit(v)}>
        <Form.Item
          label={t('password')}
          name="password"
          extra={t('passwordRule')}
          rules={[{ required: true, min: 10, message: t('passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t('activate')}
        </Button>
      </Form>
    </Card>
  );
}
