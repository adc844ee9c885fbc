import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useCreateTenant, useTenants, type CreatedTenant, type Tenant } from './hooks';

function CreateTenantModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (result: CreatedTenant) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string }>();
  const create = useCreateTenant();

  const onFinish = async ({ code }: { code: string }) => {
    try {
      const result = await create.mutateAsync(code.trim());
      form.resetFields();
      onCreated(result);
    } catch (error) {
      handleFormError(form, error, 'tenants.error');
    }
  };

  return (
    <Modal
      open={open}
      title={t('tenants.create')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void onFinish(values)}>
        <Form.Item
          name="code"
          label={t('tenants.code')}
          extra={t('tenants.create.codeHint')}
          rules={[{ required: true, pattern: /^\d{9}$/, message: t('tenants.create.codeInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={9} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TenantsPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const tenants = useTenants();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedTenant | null>(null);

  return (
    <div>
      <PageHeader
        title={t('tenants.menu')}
        subtitle={t('tenants.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('tenants.create')}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={tenants.error} style={{ marginBottom: 12 }} />
        <Table<Tenant>
          rowKey="id"
          loading={tenants.isPending}
          dataSource={tenants.data?.items ?? []}
          pagination={false}
          size={isMobile ? 'small' : 'middle'}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'code', title: t('tenants.code'), dataIndex: 'code' },
            { key: 'name', title: t('tenants.name'), dataIndex: 'name' },
            { key: 'createdAt', title: t('tenants.createdAt'), render: (_, row) => formatDateTime(row.createdAt) },
          ]}
        />
      </Card>
      <CreateTenantModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <Modal
        open={created !== null}
        title={t('tenants.created.title')}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        okText={t('common.ok')}
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
      >
        {created ? (
          <>
            <Alert type="warning" showIcon title={t('tenants.created.hint')} style={{ marginBottom: 16 }} />
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'name', label: t('tenants.name'), children: `${created.tenant.name}（${created.tenant.code}）` },
                {
                  key: 'user',
                  label: t('tenants.created.adminUsername'),
                  children: <Typography.Text copyable>{created.adminUsername}</Typography.Text>,
                },
                {
                  key: 'password',
                  label: t('tenants.created.adminPassword'),
                  children: (
                    <Typography.Text copyable code>
                      {created.adminPassword}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </div>
  );
}
