import { Button, Card, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { useEventAction } from './work-hooks';

/** Opened by scanning an event's QR code: checks the signed-in member in with the token it carries. */
export default function CheckInPage() {
  const t = useT();
  const [params] = useSearchParams();
  const eventId = params.get('event') ?? '';
  const token = params.get('token') ?? '';
  const act = useEventAction();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !eventId || !token) return;
    sent.current = true;
    act.mutate({ id: eventId, action: 'check-in', body: { token } });
  }, [act, eventId, token]);

  const open = eventId ? (
    <Link to={`/points/volunteer/${eventId}`}>
      <Button>{t('points.checkin.open')}</Button>
    </Link>
  ) : null;
  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }} title={t('points.checkin.title')}>
      {!eventId || !token ? (
        <Result status="warning" title={t('points.checkin.missing')} />
      ) : act.isSuccess ? (
        <Result status="success" title={<span data-testid="check-in-done">{t('points.checkin.done')}</span>} subTitle={act.data.title} extra={open} />
      ) : act.isError ? (
        <Result status="error" title={t('points.checkin.failed')} subTitle={<div data-testid="check-in-error"><ErrorAlert error={act.error} /></div>} extra={open} />
      ) : (
        <Spin tip={t('points.checkin.working')}>
          <div style={{ height: 120 }} />
        </Spin>
      )}
    </Card>
  );
}
