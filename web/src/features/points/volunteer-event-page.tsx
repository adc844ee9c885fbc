import { Button, Card, Descriptions, Image, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { eventStateColors, MySignupTag } from './volunteer-page';
import { useEvent, useEventAction } from './work-hooks';

/** The QR code of the event's signed check-in URL, drawn in the browser. */
function CheckInQr({ path }: { path: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const url = `${window.location.origin}${path}`;
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: 240, margin: 1 })
      .then((d) => live && setSrc(d))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return src ? (
    <div data-testid="event-qr" data-url={url}>
      <Image src={src} width={240} preview={false} alt={url} />
    </div>
  ) : null;
}

/** An event: members sign up and check out; the organiser shows the QR code, checks people in, closes it. */
export default function VolunteerEventPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const q = useEvent(id);
  const act = useEventAction();
  const [closing, setClosing] = useState(false);
  const [served, setServed] = useState<number | null>(0);
  const e = q.data;
  const run = (action: Parameters<typeof act.mutateAsync>[0]['action'], body?: unknown) => act.mutateAsync({ id, action, body }).catch(showError);
  const mine = e?.mySignup;
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={e?.title ?? ''}
        subtitle={e ? <Tag color={eventStateColors[e.state]}>{t(`points.volunteer.state.${e.state}`)}</Tag> : null}
        extra={
          e?.checkInUrl ? (
            <>
              <Button onClick={() => download(`/api/volunteer-events/${id}/roster.xlsx`).catch(showError)}>{t('points.volunteer.exportRoster')}</Button>
              {e.state === 'open' ? (
                <Button type="primary" danger onClick={() => setClosing(true)}>
                  {t('points.volunteer.close')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <ErrorAlert error={q.error} />
      {e ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('points.field.time')}>{`${formatDateTime(e.startsAt)} – ${formatDateTime(e.endsAt)}`}</Descriptions.Item>
              <Descriptions.Item label={t('points.field.place')}>{e.place}</Descriptions.Item>
              <Descriptions.Item label={t('points.field.organiser')}>{e.organiser}</Descriptions.Item>
              <Descriptions.Item label={t('points.field.capacity')}>{t('points.volunteer.places', { r: e.registered, c: e.capacity, w: e.waitlisted })}</Descriptions.Item>
              <Descriptions.Item label={t('points.volunteer.peopleServed')}>{e.peopleServed}</Descriptions.Item>
            </Descriptions>
            {can('volunteer.join') && e.state === 'open' ? (
              <Space wrap>
                <MySignupTag e={e} />
                {!mine && new Date(e.endsAt) > new Date() ? (
                  <Button type="primary" onClick={() => run('signup')} data-testid="event-signup">
                    {t('points.volunteer.signup')}
                  </Button>
                ) : null}
                {mine && !mine.checkInAt ? <Button onClick={() => run('cancel-signup')}>{t('points.volunteer.cancel')}</Button> : null}
                {mine?.checkInAt && !mine.checkOutAt ? (
                  <Button type="primary" onClick={() => run('check-out')}>
                    {t('points.volunteer.checkOut')}
                  </Button>
                ) : null}
              </Space>
            ) : null}
          </Card>
          {e.checkInUrl && e.state === 'open' ? (
            <Card size="small" title={t('points.volunteer.qr')}>
              <CheckInQr path={e.checkInUrl} />
              <div>
                <Typography.Text type="secondary">{t('points.volunteer.qrHint')}</Typography.Text>
              </div>
            </Card>
          ) : null}
          {e.checkInUrl ? (
            <Card size="small" title={`${t('points.volunteer.roster')} · ${t('points.volunteer.totalHours', { h: (e.totalMinutes / 60).toFixed(1) })}`}>
              <List
                dataSource={e.signups}
                locale={{ emptyText: t('points.households.none') }}
                renderItem={(s) => (
                  <List.Item
                    actions={
                      e.state === 'open' && s.state === 'registered' && !s.checkInAt
                        ? [
                            <Button key="in" size="small" onClick={() => run('check-in-member', { memberId: s.memberId })}>
                              {t('points.volunteer.checkInFor')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Space wrap>
                      <span>{s.memberName}</span>
                      <Typography.Text type="secondary">{s.orgName}</Typography.Text>
                      <Tag>{t(s.state === 'waitlisted' ? 'points.volunteer.waitlisted' : s.checkInAt ? 'points.volunteer.checkedIn' : 'points.volunteer.registered')}</Tag>
                      {s.checkInBy ? <Tag>{t(`points.volunteer.by.${s.checkInBy}`)}</Tag> : null}
                      {s.minutes !== null ? <span>{`${s.minutes} ${t('points.volunteer.minutes')}`}</span> : null}
                      {s.autoClosed ? <Tag color="orange">{t('points.volunteer.autoClosed')}</Tag> : null}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
        </Space>
      ) : null}
      <Modal
        open={closing}
        title={t('points.volunteer.close')}
        onCancel={() => setClosing(false)}
        onOk={async () => {
          await run('close', { peopleServed: served ?? 0 });
          setClosing(false);
        }}
      >
        <div>{t('points.volunteer.peopleServed')}</div>
        <InputNumber min={0} max={100000} value={served} onChange={setServed} style={{ width: '100%' }} />
      </Modal>
    </div>
  );
}
