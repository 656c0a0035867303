// The console's 404 for a bulletin one may not see: a draft is as unknown to a liaison as a bulletin that never was.
import { Result } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';

/** Whether a read failed because there is no such bulletin for this reader (an id that is not one included). */
export function isUnknownBulletin(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

export function BulletinNotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound')}
      extra={<Link to="/">{t('backHome')}</Link>}
    />
  );
}
