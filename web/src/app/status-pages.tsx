import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n-context';

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('page.forbidden.title')}
      subTitle={t('page.forbidden.subtitle')}
      extra={<Button onClick={() => void navigate('/')}>{t('page.backHome')}</Button>}
    />
  );
}

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('page.notFound.title')}
      subTitle={t('page.notFound.subtitle')}
      extra={<Button onClick={() => void navigate('/')}>{t('page.backHome')}</Button>}
    />
  );
}

export function RouteErrorFallback({ error }: { error: Error }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={error.message}
      extra={<Button onClick={() => window.location.reload()}>{t('common.refresh')}</Button>}
    />
  );
}
