import { App, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { useCreatePlan, useCreateSession, useMemberOptions, useOrgOptions } from './form-hooks';
import { isoDay, useFormRules } from './form-rules';
import { useDrawQuarter, usePlans } from './hooks';

const sessionKinds = ['group_viewing', 'party_lecture', 'training_trip'] as const;

interface PlanValues {
  title: string;
  period: string;
  topics: string[];
  materials: string[];
  startsOn: Dayjs;
  endsOn: Dayjs;
}

/** The street's study plan: its period, topics, materials and dates. */
export function PlanFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<PlanValues>();
  const create = useCreatePlan();
  const onFinish = async (v: PlanValues) => {
    try {
      await create.mutateAsync({
        title: v.title.trim(),
        period: v.period.trim(),
        topics: v.topics.map((x) => x.trim()).filter(Boolean),
        materials: (v.materials ?? []).map((x) => x.trim()).filter(Boolean),
        startsOn: isoDay(v.startsOn),
        endsOn: isoDay(v.endsOn),
      });
      void message.success(t('partyWork.form.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.study.newPlan')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<PlanValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ topics: [], materials: [] }}>
        <Form.Item name="title" label={t('partyWork.study.planTitle')} rules={rules.text(100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="period" label={t('partyWork.study.period')} rules={rules.text(30)}>
          <Input maxLength={30} placeholder={t('partyWork.study.periodHint')} />
        </Form.Item>
        <Form.Item name="topics" label={t('partyWork.study.topics')} rules={[rules.pickAtLeastOne]} extra={t('partyWork.study.tagsHint')}>
          <Select mode="tags" open={false} tokenSeparators={['，', ',', '、']} aria-label={t('partyWork.study.topics')} />
        </Form.Item>
        <Form.Item name="materials" label={t('partyWork.study.materials')} extra={t('partyWork.study.tagsHint')}>
          <Select mode="tags" open={false} tokenSeparators={['，', ',', '、']} aria-label={t('partyWork.study.materials')} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="startsOn" label={t('partyWork.study.startsOn')} rules={[rules.required]} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('partyWork.study.endsOn')}
            dependencies={['startsOn']}
            style={{ flex: 1 }}
            rules={[
              rules.required,
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  if (value && start && value.isBefore(start, 'day')) throw new Error(t('partyWork.study.endsBeforeStart'));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

interface SessionValues {
  orgId: string;
  planId?: string;
  kind: (typeof sessionKinds)[number];
  title: string;
  heldOn: Dayjs;
  attendeeMemberIds: string[];
}

/** A session held by a branch, with who attended (the branch's members are listed to tick). */
export function SessionFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<SessionValues>();
  const orgId = Form.useWatch('orgId', form);
  const orgs = useOrgOptions(['village', 'community', 'non_public', 'social_org', 'branch']);
  const plans = usePlans();
  const members = useMemberOptions({ orgId }, Boolean(orgId));
  const create = useCreateSession();
  const memberItems = members.data?.items ?? [];
  const onFinish = async (v: SessionValues) => {
    try {
      await create.mutateAsync({ orgId: v.orgId, ...(v.planId ? { planId: v.planId } : {}), kind: v.kind, title: v.title.trim(), heldOn: isoDay(v.heldOn), attendeeMemberIds: v.attendeeMemberIds ?? [] });
      void message.success(t('partyWork.form.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.study.newSession')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<SessionValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ kind: 'party_lecture', heldOn: dayjs(), attendeeMemberIds: [] }}>
        <Form.Item name="orgId" label={t('partyWork.form.org')} rules={[rules.required]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={orgs.isPending}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={() => form.setFieldValue('attendeeMemberIds', [])}
          />
        </Form.Item>
        <Form.Item name="planId" label={t('partyWork.study.plan')}>
          <Select allowClear options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('partyWork.study.sessionKind')} rules={[rules.required]}>
          <Select options={sessionKinds.map((k) => ({ value: k, label: t(`partyWork.study.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('partyWork.study.sessionTitle')} rules={rules.text(100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('partyWork.form.date')} rules={[rules.required]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {orgId ? (
          <Form.Item
            label={
              <Flex gap={8} align="center">
                {t('partyWork.study.attendees')}
                <Button size="small" type="link" onClick={() => form.setFieldValue('attendeeMemberIds', memberItems.map((m) => m.id))}>
                  {t('partyWork.study.allAttended')}
                </Button>
              </Flex>
            }
          >
            {members.data && members.data.total > memberItems.length ? <Typography.Text type="warning">{t('partyWork.study.firstN', { n: memberItems.length, total: members.data.total })}</Typography.Text> : null}
            <Form.Item name="attendeeMemberIds" noStyle>
              <Checkbox.Group style={{ maxHeight: 240, overflowY: 'auto', display: 'flex', flexWrap: 'wrap', gap: 8, width: '100%' }} options={memberItems.map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

interface DrawValues {
  year: number;
  quarter: number;
  orgId: string;
}

/** The quarterly spot-check draw: every branch under the chosen org gets its random sample. */
export function DrawFormModal({ year, quarter, onClose, onDrawn }: { year: number; quarter: number; onClose: () => void; onDrawn: (year: number, quarter: number) => void }) {
  const t = useT();
  const { modal } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<DrawValues>();
  const orgs = useOrgOptions(['street_committee', 'village', 'community', 'non_public', 'social_org', 'branch']);
  const draw = useDrawQuarter();
  const firstOrg = orgs.data?.[0]?.id;
  useEffect(() => {
    // The actor's own scope root comes first in tree order: the usual choice.
    if (firstOrg && !form.getFieldValue('orgId')) form.setFieldValue('orgId', firstOrg);
  }, [firstOrg, form]);
  const onFinish = async (v: DrawValues) => {
    try {
      const result = await draw.mutateAsync(v);
      onDrawn(v.year, v.quarter);
      onClose();
      modal.info({
        title: t('partyWork.study.drawDone', { count: result.items.length }),
        content: result.skipped.length ? (
          <ul style={{ paddingInlineStart: 18 }}>
            {result.skipped.map((s) => (
              <li key={s.orgName}>{`${s.orgName}：${s.reason}`}</li>
            ))}
          </ul>
        ) : null,
      });
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.study.drawTitle')} okText={t('partyWork.study.drawNow')} cancelText={t('common.cancel')} confirmLoading={draw.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<DrawValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ year, quarter }}>
        <Flex gap={8}>
          <Form.Item name="year" label={t('partyWork.study.year')} rules={rules.intRange(2000, 2100)} style={{ flex: 1 }}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="quarter" label={t('partyWork.study.quarter')} rules={[rules.required]} style={{ flex: 1 }}>
            <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('partyWork.study.quarterN', { n }) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="orgId" label={t('partyWork.study.drawOrg')} rules={[rules.required]} extra={t('partyWork.study.drawHint')}>
          <Select showSearch optionFilterProp="label" loading={orgs.isPending} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
