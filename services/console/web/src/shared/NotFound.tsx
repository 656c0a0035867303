// The console's 404 page: an unknown path, or an object the signed-in person may not see (another bank's is never told apart).
import { Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';

export function NotFound() {
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
