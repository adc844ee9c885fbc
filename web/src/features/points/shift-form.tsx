import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMe } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { useOwnerUnits } from './work-hooks';

interface Values {
  orgId: string;
  title: string;
  place: string;
  organiser?: string;
  time: [Dayjs, Dayjs];
  slots: number;
}
export interface ShiftLikeInput {
  orgId: string;
  title: string;
  place: string;
  organiser: string;
  startsAt: string;
  endsAt: string;
  slots: number;
}

/** Publishes a duty shift or a volunteer event (the event also names its organiser; slots are its capacity). */
export function ShiftForm({ kind, busy, onSubmit }: { kind: 'shift' | 'event'; busy: boolean; onSubmit: (v: ShiftLikeInput) => Promise<void> }) {
  const t = useT();
  const me = useMe();
  const units = useOwnerUnits();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ orgId: me.user.scopeOrgId ?? undefined, slots: kind === 'shift' ? 4 : 20, organiser: me.user.scopeOrgName ?? '' }}
      onFinish={async (v) => {
        try {
          await onSubmit({ orgId: v.orgId, title: v.title, place: v.place, organiser: v.organiser ?? '', startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString(), slots: v.slots });
        } catch (e) {
          handleFormError(form, e);
        }
      }}
    >
      <Form.Item name="orgId" label={t('points.field.org')} rules={[{ required: true }]}>
        <Select options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="title" label={t('points.field.title')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      {kind === 'event' ? (
        <Form.Item name="organiser" label={t('points.field.organiser')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      ) : null}
      <Form.Item name="place" label={t('points.field.place')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="time" label={t('points.field.time')} rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="slots" label={t(kind === 'shift' ? 'points.duty.slots' : 'points.field.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={kind === 'shift' ? 200 : 1000} style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('points.save')}
      </Button>
    </Form>
  );
}
