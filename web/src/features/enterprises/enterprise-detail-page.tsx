import { App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useBanWorkshop, useEnterprise, useInspections } from './hooks';
import { InspectionForm } from './inspection-form';

export default function EnterpriseDetailPage() {
  const t = useT();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const enterprise = useEnterprise(id);
  const inspections = useInspections(id);
  const [inspecting, setInspecting] = useState(false);
  const [banning, setBanning] = useState(false);
  if (enterprise.error) return <ErrorAlert error={enterprise.error} />;
  const e = enterprise.data;
  if (!e) return <Card loading />;
  return (
    <div>
      <PageHeader
        title={e.name}
        subtitle={`${t(`enterprises.category.${e.category}`)} · ${e.orgName}`}
        extra={
          <Space wrap>
            {can('enterprise.inspect') && e.status === 'operating' ? (
              <Button type="primary" onClick={() => setInspecting(true)} data-testid="record-inspection">
                {t('enterprises.inspect')}
              </Button>
            ) : null}
            {can('enterprise.ban') && e.category === 'workshop' && e.status === 'operating' ? (
              <Button danger onClick={() => setBanning(true)}>
                {t('enterprises.ban')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('enterprises.field.creditCode')}>{e.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.field.address')}>{e.address}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.field.contactName')}>{e.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.field.contactPhone')}>{e.contactPhoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.field.status')}>
            {t(`enterprises.status.${e.status}`)} {e.bannedOn ? `（${e.bannedOn} ${e.bannedReason ?? ''}）` : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('enterprises.inspections')}>
        {inspections.error ? <ErrorAlert error={inspections.error} /> : null}
        {inspections.data && inspections.data.items.length === 0 ? <Empty description={t('enterprises.inspect.none')} /> : null}
        <List
          loading={inspections.isLoading}
          dataSource={inspections.data?.items ?? []}
          renderItem={(i) => (
            <List.Item data-testid="inspection-item">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={4}>
                  <Typography.Text strong>
                    {i.inspectedOn} {i.topic}
                  </Typography.Text>
                  <Tag color={i.joint ? 'blue' : 'default'}>{i.joint ? `${t('enterprises.inspect.joint')}：${i.departments.join('、')}` : t('enterprises.inspect.alone')}</Tag>
                </Flex>
                <Typography.Text type="secondary">{i.inspectorName}</Typography.Text>
                {i.findings.map((f) => (
                  <Flex key={f.id} gap={8} wrap>
                    <span>• {f.description}</span>
                    {f.hazardId ? (
                      <Link to={`/hazards/${f.hazardId}`} data-testid="finding-hazard-link">
                        {t('enterprises.inspect.hazardLink')}
                      </Link>
                    ) : null}
                  </Flex>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {inspecting ? <InspectionForm enterprise={e} onClose={() => setInspecting(false)} onSaved={() => setInspecting(false)} /> : null}
      {banning ? <BanDialog id={e.id} name={e.name} onClose={() => setBanning(false)} /> : null}
    </div>
  );
}

function BanDialog({ id, name, onClose }: { id: string; name: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ bannedOn: Dayjs; reason: string }>();
  const ban = useBanWorkshop(id);
  const submit = async (v: { bannedOn: Dayjs; reason: string }) => {
    try {
      await ban.mutateAsync({ bannedOn: v.bannedOn.format('YYYY-MM-DD'), reason: v.reason });
      message.success(t('enterprises.ban.done'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('enterprises.ban.title', { name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={ban.isPending}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ bannedOn: dayjs() }}>
        <Form.Item name="bannedOn" label={t('enterprises.ban.date')} rules={[{ required: true, message: t('enterprises.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('enterprises.ban.reason')} rules={[{ required: true, message: t('enterprises.required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
