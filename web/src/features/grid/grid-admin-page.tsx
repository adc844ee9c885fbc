import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useCreateGrid, useGrid, useUploadBoundaries, useUploadBoundary } from './admin-hooks';
import { BoundaryPreview } from './boundary-preview';
import { BoundaryUpload } from './boundary-upload';
import { GridGroupsPanel, GridStaffPanel } from './grid-staff-panel';
import { useGrids, useOrgTree, type Grid } from './hooks';

/** The street admin's grid list: boundaries (one grid or a FeatureCollection for several), staff and party groups. */
export default function GridAdminPage() {
  const t = useT();
  const grids = useGrids();
  const uploadMany = useUploadBoundaries();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('grid.admin.title')}
        subtitle={t('grid.admin.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('grid.admin.create')}
          </Button>
        }
      />
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <BoundaryUpload
          label={t('grid.admin.batchUpload')}
          onUpload={(text) => uploadMany.mutateAsync(text)}
          successText={(r) => t('grid.admin.batchDone', { n: (r as { items: Grid[] }).items.length })}
        />
        <Typography.Text type="secondary">{t('grid.admin.batchHint')}</Typography.Text>
      </Flex>
      <ErrorAlert error={grids.error} />
      <Table
        rowKey="id"
        size="small"
        loading={grids.isLoading}
        dataSource={grids.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: true }}
        columns={[
          { title: t('grid.admin.name'), dataIndex: 'name' },
          { title: t('grid.admin.org'), dataIndex: 'orgName', responsive: ['sm'] },
          { title: t('grid.admin.code'), dataIndex: 'code', responsive: ['md'] },
          {
            title: t('grid.admin.boundary'),
            dataIndex: 'boundary',
            render: (b: Grid['boundary']) => <Tag color={b ? 'green' : 'orange'}>{t(b ? 'grid.admin.hasBoundary' : 'grid.admin.noBoundary')}</Tag>,
          },
          { title: t('grid.list.staff'), dataIndex: 'staff', responsive: ['md'], render: (s: Grid['staff']) => s.map((x) => x.name).join('、') },
          {
            key: 'actions',
            render: (_: unknown, g: Grid) => (
              <Button size="small" onClick={() => setSelected(g.id)}>
                {t('grid.admin.manage')}
              </Button>
            ),
          },
        ]}
      />
      {selected ? <GridDrawer id={selected} onClose={() => setSelected(null)} /> : null}
      {creating ? <CreateGridDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function GridDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const grid = useGrid(id);
  const upload = useUploadBoundary();
  const g = grid.data;
  return (
    <Drawer open onClose={onClose} title={g ? `${g.name}（${g.orgName}）` : ''} size={isMobile ? '100%' : 560} destroyOnHidden>
      <ErrorAlert error={grid.error} />
      {g ? (
        <Tabs
          items={[
            {
              key: 'boundary',
              label: t('grid.admin.tab.boundary'),
              children: (
                <Flex vertical gap={8}>
                  <BoundaryPreview grid={g} />
                  <BoundaryUpload label={t('grid.admin.upload')} onUpload={(text) => upload.mutateAsync({ id, geojson: text })} successText={() => t('grid.admin.uploaded')} />
                  <Typography.Text type="secondary">{t('grid.admin.uploadHint')}</Typography.Text>
                </Flex>
              ),
            },
            { key: 'staff', label: t('grid.admin.tab.staff'), children: <GridStaffPanel grid={g} /> },
            { key: 'groups', label: t('grid.admin.tab.groups'), children: <GridGroupsPanel grid={g} /> },
          ]}
        />
      ) : null}
    </Drawer>
  );
}

function CreateGridDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgId: string; name: string; code: string }>();
  const orgs = useOrgTree();
  const create = useCreateGrid();
  const options = (orgs.data?.items ?? []).filter((o) => o.kind === 'village' || o.kind === 'community').map((o) => ({ value: o.id, label: o.name }));
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync(values);
      void message.success(t('grid.admin.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('grid.admin.createTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label={t('grid.admin.org')} rules={[{ required: true }]}>
          <Select options={options} showSearch optionFilterProp="label" loading={orgs.isLoading} />
        </Form.Item>
        <Form.Item name="name" label={t('grid.admin.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="code" label={t('grid.admin.code')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
