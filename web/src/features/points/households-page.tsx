import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { uploadFile } from '../../ui/api';
import { handleFormError, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable, resourceQueryKey } from '../../ui/resource-table';
import { useCreateHousehold, useOwnerUnits, type HouseholdInput, type HouseholdRow } from './work-hooks';

export const householdTags = ['独居老人', '低保', '残疾', '困难家庭', '优抚对象', '留守儿童', '退役军人'];

/** The household form (create and edit share it); the server decides what is valid. */
export function HouseholdForm({ initial, onSubmit, busy, withOrg }: { initial?: Partial<HouseholdInput>; onSubmit: (v: HouseholdInput) => Promise<void>; busy: boolean; withOrg: boolean }) {
  const t = useT();
  const [form] = Form.useForm<HouseholdInput>();
  const units = useOwnerUnits();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ size: 1, tags: [], ...initial }}
      onFinish={async (v) => {
        try {
          await onSubmit({ ...v, headPhone: v.headPhone || null, tags: v.tags ?? [] });
        } catch (e) {
          handleFormError(form, e);
        }
      }}
    >
      {withOrg ? (
        <Form.Item name="orgId" label={t('points.households.org')} rules={[{ required: true }]}>
          <Select options={(units.data ?? []).filter((u) => u.kind === 'village' || u.kind === 'community').map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="address" label={t('points.households.address')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="headName" label={t('points.households.head')} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="headPhone" label={t('points.households.phone')}>
        <Input inputMode="tel" maxLength={11} />
      </Form.Item>
      <Form.Item name="size" label={t('points.households.size')}>
        <InputNumber min={1} max={50} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="tags" label={t('points.households.tag')}>
        <Select mode="multiple" options={householdTags.map((x) => ({ value: x, label: x }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('points.save')}
      </Button>
    </Form>
  );
}

/** 住户台账: search, filter by special group, register, import; each row opens the household's page. */
export default function HouseholdsPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [importErrors, setImportErrors] = useState<Array<{ row: number; message: string }>>([]);
  const create = useCreateHousehold();
  const tags = (h: HouseholdRow) => h.tags.map((x) => <Tag key={x}>{x}</Tag>);

  const toolbar = can('household.write') ? (
    <Space wrap>
      <Button type="primary" onClick={() => setCreating(true)}>
        {t('points.households.new')}
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        customRequest={({ file, onSuccess }) => {
          uploadFile<{ created: number; errors: Array<{ row: number; message: string }> }>('/api/households/import', file as Blob)
            .then(async (r) => {
              setImportErrors(r.errors);
              if (r.created > 0) message.success(t('points.households.imported', { n: r.created }));
              await qc.invalidateQueries({ queryKey: resourceQueryKey('/api/households') });
              onSuccess?.(r);
            })
            .catch(showError);
        }}
      >
        <Button>{t('points.households.import')}</Button>
      </Upload>
    </Space>
  ) : null;

  return (
    <div>
      <PageHeader title={t('points.households.title')} />
      {importErrors.length > 0 ? (
        <Card size="small" style={{ marginBottom: 12, borderColor: '#ff4d4f' }} data-testid="import-errors">
          <Typography.Text type="danger">{t('points.households.importErrors')}</Typography.Text>
          {importErrors.map((e) => (
            <div key={e.row}>{`${t('points.households.row', { row: e.row })}：${e.message}`}</div>
          ))}
        </Card>
      ) : null}
      <ResourceTable<HouseholdRow>
        endpoint="/api/households"
        rowKey="id"
        toolbar={toolbar}
        filters={[
          { type: 'text', name: 'q', labelKey: 'points.households.q' },
          { type: 'select', name: 'tag', labelKey: 'points.households.tag', options: householdTags.map((x) => ({ value: x, label: x })) },
        ]}
        columns={[
          { title: t('points.households.address'), dataIndex: 'address', render: (v: string, h) => <Link to={`/points/households/${h.id}`}>{v}</Link> },
          { title: t('points.households.head'), dataIndex: 'headName', width: 100 },
          { title: t('points.households.size'), dataIndex: 'size', width: 70 },
          { title: t('points.households.org'), dataIndex: 'orgName', width: 140 },
          { title: t('points.households.grid'), dataIndex: 'gridName', width: 120 },
          { title: t('points.households.tag'), key: 'tags', render: (_: unknown, h) => tags(h) },
        ]}
        renderCard={(h) => (
          <Card size="small" style={{ width: '100%' }} title={<Link to={`/points/households/${h.id}`}>{h.address}</Link>}>
            <div>{`${h.headName} · ${h.size}人 · ${h.orgName}`}</div>
            {tags(h)}
          </Card>
        )}
      />
      <Modal open={creating} title={t('points.households.new')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <HouseholdForm
          withOrg
          busy={create.isPending}
          onSubmit={async (v) => {
            await create.mutateAsync(v);
            setCreating(false);
          }}
        />
      </Modal>
    </div>
  );
}
