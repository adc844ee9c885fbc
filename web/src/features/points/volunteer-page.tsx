import { Button, Card, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ShiftForm } from './shift-form';
import { useCreateEvent, useEventAction, useEvents, type VolunteerEvent } from './work-hooks';

export const eventStateColors: Record<string, string> = { open: 'green', closed: 'default', cancelled: 'red' };

/** The member's own standing on an event, as a tag. */
export function MySignupTag({ e }: { e: VolunteerEvent }) {
  const t = useT();
  const s = e.mySignup;
  if (!s) return null;
  if (s.state === 'waitlisted') return <Tag color="orange">{t('points.volunteer.waitlisted')}</Tag>;
  if (s.checkOutAt) return <Tag color="green">{t('points.volunteer.checkedOut')}</Tag>;
  if (s.checkInAt) return <Tag color="gold">{t('points.volunteer.checkedIn')}</Tag>;
  return <Tag color="blue">{t('points.volunteer.registered')}</Tag>;
}

/** 志愿服务: the events members can join; organisers publish them. */
export default function VolunteerPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const events = useEvents(page);
  const create = useCreateEvent();
  const act = useEventAction();
  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title={t('points.volunteer')} extra={can('volunteer.manage') ? <Button type="primary" onClick={() => setCreating(true)}>{t('points.volunteer.new')}</Button> : null} />
      <ErrorAlert error={events.error} />
      <List
        loading={events.isLoading}
        dataSource={events.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: events.data?.total ?? 0, onChange: setPage, size: 'small' }}
        renderItem={(e) => (
          <List.Item>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={<Link to={`/points/volunteer/${e.id}`}>{e.title}</Link>}
              extra={<Tag color={eventStateColors[e.state]}>{t(`points.volunteer.state.${e.state}`)}</Tag>}
            >
              <div>{`${formatDateTime(e.startsAt)} · ${e.place}`}</div>
              <Typography.Text type="secondary">{t('points.volunteer.places', { r: e.registered, c: e.capacity, w: e.waitlisted })}</Typography.Text>
              <Space wrap style={{ display: 'flex', marginTop: 8 }}>
                <MySignupTag e={e} />
                {can('volunteer.join') && e.state === 'open' && !e.mySignup && new Date(e.endsAt) > new Date() ? (
                  <Button size="small" type="primary" onClick={() => act.mutateAsync({ id: e.id, action: 'signup' }).catch(showError)}>
                    {t('points.volunteer.signup')}
                  </Button>
                ) : null}
              </Space>
            </Card>
          </List.Item>
        )}
      />
      <Modal open={creating} title={t('points.volunteer.new')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <ShiftForm
          kind="event"
          busy={create.isPending}
          onSubmit={async (v) => {
            const r = await create.mutateAsync({ orgId: v.orgId, title: v.title, organiser: v.organiser, place: v.place, startsAt: v.startsAt, endsAt: v.endsAt, slots: v.slots, capacity: v.slots });
            setCreating(false);
            await navigate(`/points/volunteer/${r.id}`);
          }}
        />
      </Modal>
    </div>
  );
}
