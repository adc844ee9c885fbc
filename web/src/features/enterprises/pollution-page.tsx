import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { handleFormError, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import { useIsMobile } from '../../ui/use-is-mobile';
import { PollutionCard, pollutionColumns } from './columns';
import { pollutionFilters } from './columns';
import { checklistKeys, type Checklist, type Pollution } from './enterprises';
import { pollutionEndpoint, useRecheck, useSignOff, useStartRemediation, useUpdateChecklist } from './hooks';

export default function PollutionPage() {
  const t = useT();
  const [open, setOpen] = useState<Pollution | null>(null);
  const columns = useMemo(
    () => [
      ...pollutionColumns(t),
      { title: '', key: 'open', render: (_: unknown, p: Pollution) => <Button size="small" onClick={() => setOpen(p)}>{t('enterprises.env.field.state')}</Button> },
    ],
    [t],
  );
  return (
    <div>
      <PageHeader title={t('enterprises.env.pollution')} subtitle={t('enterprises.env.pollution.subtitle')} />
      <ResourceTable<Pollution>
        endpoint={pollutionEndpoint}
        columns={columns}
        filters={pollutionFilters}
        rowKey="id"
        exportable
        renderCard={(p) => (
          <div onClick={() => setOpen(p)} role="button" tabIndex={0}>
            <PollutionCard p={p} t={t} />
          </div>
        )}
      />
      {open ? <PollutionDrawer p={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function PollutionDrawer({ p, onClose }: { p: Pollution; onClose: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const start = useStartRemediation();
  const checklist = useUpdateChecklist();
  const signOff = useSignOff();
  const recheck = useRecheck();
  const [startForm] = Form.useForm<{ responsibleName: string; deadlineWorkingDays: number }>();
  const [recheckForm] = Form.useForm<{ checkedOn: Dayjs; passed: boolean; note?: string }>();
  const [items, setItems] = useState<Checklist>(p.checklist);
  const done = () => {
    message.success(t('enterprises.env.done'));
    onClose();
  };
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      done();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Drawer open onClose={onClose} title={p.name} width={mobile ? '100%' : 480}>
      <Flex vertical gap={16}>
        <Typography.Text>
          {t(`enterprises.env.treatment.${p.treatment}`)} · {t(`enterprises.env.state.${p.state}`)} · {p.orgName}
        </Typography.Text>
        <Typography.Text type="secondary">{p.problem}</Typography.Text>
        {can('environment.write') && (p.state === 'listed' || p.state === 'rebound') ? (
          <Form
            form={startForm}
            layout="vertical"
            initialValues={{ deadlineWorkingDays: 10 }}
            onFinish={async (v) => {
              try {
                await start.mutateAsync({ id: p.id, body: v });
                done();
              } catch (e) {
                handleFormError(startForm, e);
              }
            }}
          >
            <Form.Item name="responsibleName" label={t('enterprises.env.responsible')} rules={[{ required: true, message: t('enterprises.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="deadlineWorkingDays" label={t('enterprises.env.deadlineDays')}>
              <InputNumber min={1} max={250} style={{ width: '100%' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={start.isPending} block>
              {t('enterprises.env.action.start')}
            </Button>
          </Form>
        ) : null}
        {p.treatment === 'shutdown' ? (
          <Flex vertical gap={8}>
            <Typography.Text strong>{t('enterprises.env.field.checklist')}</Typography.Text>
            <Space wrap>
              {checklistKeys.map((k) => (
                <Checkbox key={k} checked={items[k]} disabled={p.state !== 'remediating'} onChange={(e) => setItems({ ...items, [k]: e.target.checked })}>
                  {t(`enterprises.env.check.${k}`)}
                </Checkbox>
              ))}
            </Space>
            {p.state === 'remediating' && can('environment.write') ? (
              <Button onClick={() => run(() => checklist.mutateAsync({ id: p.id, body: items }))} loading={checklist.isPending}>
                {t('enterprises.env.action.saveChecklist')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
        {p.state === 'remediating' && can('environment.sign_off') ? (
          <Button type="primary" onClick={() => run(() => signOff.mutateAsync({ id: p.id, body: { signedOffOn: dayjs().format('YYYY-MM-DD') } }))} loading={signOff.isPending}>
            {t('enterprises.env.action.signOff')}
          </Button>
        ) : null}
        {p.state === 'signed_off' && can('environment.write') ? (
          <Form
            form={recheckForm}
            layout="vertical"
            initialValues={{ checkedOn: dayjs(), passed: true }}
            onFinish={async (v) => {
              try {
                await recheck.mutateAsync({ id: p.id, body: { checkedOn: v.checkedOn.format('YYYY-MM-DD'), passed: v.passed, note: v.note } });
                done();
              } catch (e) {
                handleFormError(recheckForm, e);
              }
            }}
          >
            <Form.Item name="checkedOn" label={t('enterprises.env.date')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="passed" label={t('enterprises.env.passed')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="note" label={t('enterprises.env.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={recheck.isPending} block>
              {t('enterprises.env.action.recheck')}
            </Button>
          </Form>
        ) : null}
      </Flex>
    </Drawer>
  );
}
