import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import type { Drill } from './enterprises';
import { drillsEndpoint, useDrillOrgs, useRecordDrill } from './hooks';

/** 应急演练: the drills held in scope, newest first, and a form to record one. */
export default function DrillsPage() {
  const t = useT();
  const { can } = useAuth();
  const [recording, setRecording] = useState(false);
  const columns: TableColumnsType<Drill> = [
    { title: t('enterprises.drills.heldOn'), dataIndex: 'heldOn', width: 110 },
    { title: t('enterprises.drills.name'), dataIndex: 'title' },
    { title: t('enterprises.drills.org'), dataIndex: 'orgName', responsive: ['sm'] },
    { title: t('enterprises.drills.location'), dataIndex: 'location', responsive: ['md'] },
    { title: t('enterprises.drills.participants'), dataIndex: 'participants', width: 90 },
  ];
  return (
    <div>
      <PageHeader
        title={t('enterprises.drills.title')}
        subtitle={t('enterprises.drills.subtitle')}
        extra={
          can('enterprise.drill.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t('enterprises.drills.record')}
            </Button>
          ) : null
        }
      />
      <ResourceTable<Drill>
        endpoint={drillsEndpoint}
        columns={columns}
        rowKey="id"
        renderCard={(d) => (
          <Card size="small" title={d.title}>
            <Flex vertical gap={2}>
              <span>
                {d.heldOn} · {d.orgName}
              </span>
              <Typography.Text type="secondary">
                {d.location} · {t('enterprises.drills.participants')} {d.participants}
              </Typography.Text>
            </Flex>
          </Card>
        )}
      />
      {recording ? <DrillDialog onClose={() => setRecording(false)} /> : null}
    </div>
  );
}

interface DrillForm {
  orgId: string;
  heldOn: Dayjs;
  title: string;
  location: string;
  participants: number;
  notes?: string;
}

function DrillDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DrillForm>();
  const orgs = useDrillOrgs();
  const save = useRecordDrill();
  const required = [{ required: true, message: t('enterprises.drills.required') }];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ orgId: v.orgId, heldOn: v.heldOn.format('YYYY-MM-DD'), title: v.title, location: v.location, participants: v.participants, notes: v.notes || undefined });
      void message.success(t('enterprises.drills.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('enterprises.drills.record')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ participants: 0 }}>
        <Form.Item name="orgId" label={t('enterprises.drills.org')} rules={required}>
          <Select showSearch optionFilterProp="label" loading={orgs.isLoading} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('enterprises.drills.heldOn')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('enterprises.drills.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="location" label={t('enterprises.drills.location')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="participants" label={t('enterprises.drills.participants')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="notes" label={t('enterprises.drills.notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
