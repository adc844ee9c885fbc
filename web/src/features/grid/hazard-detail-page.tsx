import { App, Button, Card, Descriptions, Form, Image, Input, InputNumber, Segmented, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useFixByDeadline, useFixNow, useHazard, useOrgTree } from './hooks';
import { PhotoUpload } from '../../ui/photo-upload';
import { hazardStatusColors } from './status-colors';

/** One hazard; while undecided, the reporter or the street picks 立即整改 (with evidence) or 限期整改 (into the ledger). */
export default function HazardDetailPage() {
  const t = useT();
  const { id } = useParams();
  const hazard = useHazard(id);
  const h = hazard.data;
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('grid.detail.title')} />
      <ErrorAlert error={hazard.error} />
      {h ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('grid.field.category')}>
                <Space wrap>
                  {t(`grid.category.${h.category}`)}
                  <Tag>{t(`grid.severity.${h.severity}`)}</Tag>
                  <Tag color={h.overdue ? 'red' : hazardStatusColors[h.status]} data-testid="hazard-status">
                    {h.overdue ? t('grid.rect.light.red') : t(`grid.status.${h.status}`)}
                  </Tag>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('grid.field.description')}>{h.description}</Descriptions.Item>
              <Descriptions.Item label={t('grid.field.location')}>
                {[h.orgName, h.gridName, h.address, h.lat !== null && h.lng !== null ? `${h.lat.toFixed(5)}, ${h.lng.toFixed(5)}` : ''].filter(Boolean).join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('grid.detail.reporter')}>{`${h.reporterName}${h.reportCount > 1 ? ` ×${h.reportCount}` : ''}`}</Descriptions.Item>
              <Descriptions.Item label={t('grid.detail.reportedAt')}>{formatDateTime(h.reportedAt)}</Descriptions.Item>
              {h.deadline ? <Descriptions.Item label={t('grid.field.deadline')}>{h.deadline}</Descriptions.Item> : null}
              {h.fixNote ? <Descriptions.Item label={t('grid.field.note')}>{h.fixNote}</Descriptions.Item> : null}
            </Descriptions>
            <Space wrap style={{ marginTop: 8 }}>
              {[...h.photoFileIds, ...h.fixEvidenceFileIds].map((f) => (
                <Image key={f} src={`/api/files/${f}`} width={72} height={72} style={{ objectFit: 'cover' }} />
              ))}
            </Space>
            {h.rectificationItemId ? (
              <div style={{ marginTop: 8 }}>
                <Link to={`/rectifications?item=${h.rectificationItemId}`} data-testid="hazard-item-link">
                  {t('grid.detail.item')}
                </Link>
              </div>
            ) : null}
          </Card>
          {h.status === 'pending' ? <DecisionCard hazardId={h.id} defaultOrgId={h.orgId} /> : null}
        </Space>
      ) : null}
    </div>
  );
}

function DecisionCard({ hazardId, defaultOrgId }: { hazardId: string; defaultOrgId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'now' | 'deadline'>('now');
  const [nowForm] = Form.useForm<{ note: string; evidenceFileIds: string[] }>();
  const [deadlineForm] = Form.useForm<{ orgId: string; responsibleName: string; measures: string; workingDays: number }>();
  const fixNow = useFixNow();
  const fixByDeadline = useFixByDeadline();
  const orgs = useOrgTree();

  return (
    <Card size="small" title={t('grid.decide.title')}>
      <Segmented
        block
        value={mode}
        onChange={(v) => setMode(v as 'now' | 'deadline')}
        options={[
          { value: 'now', label: <span data-testid="decide-now">{t('grid.decide.now')}</span> },
          { value: 'deadline', label: <span data-testid="decide-deadline">{t('grid.decide.deadline')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      {mode === 'now' ? (
        <Form
          form={nowForm}
          layout="vertical"
          initialValues={{ evidenceFileIds: [] }}
          onFinish={async (v) => {
            try {
              await fixNow.mutateAsync({ id: hazardId, note: v.note, evidenceFileIds: v.evidenceFileIds });
              message.success(t('grid.decide.nowDone'));
            } catch (e) {
              handleFormError(nowForm, e);
            }
          }}
        >
          <Form.Item name="note" label={t('grid.field.note')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="evidenceFileIds" label={t('grid.field.evidence')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <PhotoUpload label={t('grid.upload')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={fixNow.isPending}>
            {t('grid.decide.now')}
          </Button>
        </Form>
      ) : (
        <Form
          form={deadlineForm}
          layout="vertical"
          onFinish={async (v) => {
            try {
              await fixByDeadline.mutateAsync({ id: hazardId, ...v });
              message.success(t('grid.decide.deadlineDone'));
            } catch (e) {
              handleFormError(deadlineForm, e);
            }
          }}
        >
          <Form.Item name="orgId" label={t('grid.field.org')} rules={[{ required: true }]} initialValue={defaultOrgId}>
            <Select showSearch optionFilterProp="label" options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="responsibleName" label={t('grid.field.responsible')} rules={[{ required: true }]}>
            <Input data-testid="deadline-responsible" maxLength={50} />
          </Form.Item>
          <Form.Item name="measures" label={t('grid.field.measures')} rules={[{ required: true }]}>
            <Input.TextArea data-testid="deadline-measures" rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="workingDays" label={t('grid.field.workingDays')} rules={[{ required: true }]} initialValue={5}>
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={fixByDeadline.isPending} data-testid="deadline-submit">
            {t('grid.decide.deadline')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
