// A failed request shown in the reader's language: the service's own message, or "unavailable".
import { Alert } from 'antd';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={error instanceof ApiError ? pick(error.text) : t('unavailable')}
    />
  );
}

/** Whether a read answered "no such object" (or an id that cannot be one): the page is a 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}
