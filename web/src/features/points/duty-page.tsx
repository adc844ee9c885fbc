import { App, Button, Card, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ShiftForm } from './shift-form';
import { useAssignmentMove, useMyShifts, usePublishShift, useShift, useShiftSignUp, useShifts, type Shift } from './work-hooks';

const stateColors: Record<string, string> = { signed_up: 'blue', checked_in: 'gold', completed: 'green', cancelled: 'default' };

function when(s: Shift) {
  return `${formatDateTime(s.startsAt)} – ${formatDateTime(s.endsAt).slice(-5)}`;
}

/** 轮岗值班: admins and secretaries publish shifts; members sign up, check in and out on the phone. */
export default function DutyPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const isMember = can('duty.join');
  const [page, setPage] = useState(1);
  const [publishing, setPublishing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const shifts = useShifts(page);
  const mine = useMyShifts(isMember);
  const roster = useShift(open);
  const publish = usePublishShift();
  const signUp = useShiftSignUp();
  const move = useAssignmentMove();
  const taken = new Set((mine.data?.items ?? []).map((a) => a.shiftId));

  const doMove = async (id: string, m: 'check-in' | 'check-out') => {
    try {
      const r = await move.mutateAsync({ id, move: m });
      if (r.points !== undefined) message.success(t('points.duty.completed', { n: r.points }));
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title={t('points.duty')} extra={can('duty.manage') ? <Button type="primary" onClick={() => setPublishing(true)}>{t('points.duty.publish')}</Button> : null} />
      {isMember ? (
        <Card size="small" title={t('points.duty.mine')} style={{ marginBottom: 12 }}>
          <List
            loading={mine.isLoading}
            dataSource={mine.data?.items ?? []}
            locale={{ emptyText: t('points.households.none') }}
            renderItem={(a) => (
              <List.Item
                actions={[
                  a.state === 'signed_up' ? (
                    <Button key="in" type="primary" size="small" onClick={() => doMove(a.id, 'check-in')} data-testid={`duty-check-in-${a.id}`}>
                      {t('points.duty.checkIn')}
                    </Button>
                  ) : null,
                  a.state === 'checked_in' ? (
                    <Button key="out" type="primary" size="small" onClick={() => doMove(a.id, 'check-out')}>
                      {t('points.duty.checkOut')}
                    </Button>
                  ) : null,
                ].filter(Boolean)}
              >
                <List.Item.Meta title={<Space wrap><span>{a.shift.title}</span><Tag color={stateColors[a.state]}>{t(`points.duty.state.${a.state}`)}</Tag></Space>} description={`${when(a.shift)} · ${a.shift.place}`} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <ErrorAlert error={shifts.error} />
      <Card size="small" title={t('points.duty.all')}>
        <List
          loading={shifts.isLoading}
          dataSource={shifts.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: shifts.data?.total ?? 0, onChange: setPage, size: 'small' }}
          renderItem={(s) => (
            <List.Item
              actions={[
                isMember && !taken.has(s.id) && new Date(s.endsAt) > new Date() ? (
                  <Button key="signup" size="small" disabled={s.taken >= s.slots} onClick={() => signUp.mutateAsync(s.id).catch(showError)}>
                    {s.taken >= s.slots ? t('points.duty.full') : t('points.duty.signup')}
                  </Button>
                ) : null,
                can('duty.manage') ? (
                  <Button key="roster" size="small" type="link" onClick={() => setOpen(s.id)}>
                    {t('points.duty.roster')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta title={s.title} description={<><div>{when(s)}</div><Typography.Text type="secondary">{`${s.place} · ${t('points.duty.slots')} ${s.taken}/${s.slots}`}</Typography.Text></>} />
            </List.Item>
          )}
        />
      </Card>
      <Modal open={publishing} title={t('points.duty.publish')} footer={null} onCancel={() => setPublishing(false)} destroyOnHidden>
        <ShiftForm
          kind="shift"
          busy={publish.isPending}
          onSubmit={async (v) => {
            await publish.mutateAsync({ orgId: v.orgId, title: v.title, place: v.place, startsAt: v.startsAt, endsAt: v.endsAt, slots: v.slots });
            setPublishing(false);
          }}
        />
      </Modal>
      <Modal open={open !== null} title={t('points.duty.roster')} footer={null} onCancel={() => setOpen(null)}>
        <List
          loading={roster.isLoading}
          dataSource={roster.data?.assignments ?? []}
          locale={{ emptyText: t('points.households.none') }}
          renderItem={(a) => (
            <List.Item>
              <Space wrap>
                <span>{a.memberName}</span>
                <Tag color={stateColors[a.state]}>{t(`points.duty.state.${a.state}`)}</Tag>
                <Typography.Text type="secondary">{a.checkInAt ? formatDateTime(a.checkInAt) : ''}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </div>
  );
}
