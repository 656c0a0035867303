// A panel's "this service is unavailable" notice: the server's bilingual message when it sent one.
import { Alert, Typography } from 'antd';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';

export function Unavailable({ error }: { error: unknown }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={error instanceof ApiError ? pick(error.text) : t('unavailable')}
    />
  );
}

/** The message of a failed call in the reader's language. */
export function useErrorText(): (error: unknown) => string {
  const { t, pick } = useI18n();
  return (error) => (error instanceof ApiError ? pick(error.text) : t('unavailable'));
}

/** A table's "nothing here" in readable grey (antd's own placeholder colour is below WCAG AA). */
export function Nothing({ text }: { text: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}
