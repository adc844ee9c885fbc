import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError, showError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCreateOpen311Key, useOpen311Keys, useRevokeOpen311Key, type Open311Key } from './admin-hooks';

/** Keys for Open311 clients: created (the key shown once), listed by prefix, revoked. */
export default function Open311KeysPage() {
  const t = useT();
  const { message } = App.useApp();
  const keys = useOpen311Keys();
  const create = useCreateOpen311Key();
  const revoke = useRevokeOpen311Key();
  const [form] = Form.useForm<{ name: string }>();
  const [created, setCreated] = useState<{ name: string; apiKey: string } | null>(null);
  const submit = async ({ name }: { name: string }) => {
    try {
      const key = await create.mutateAsync(name);
      setCreated({ name: key.name, apiKey: key.apiKey });
      form.resetFields();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <div>
      <PageHeader title={t('grid.keys.title')} subtitle={t('grid.keys.subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="inline" onFinish={(v) => void submit(v)} style={{ rowGap: 8 }}>
          <Form.Item name="name" label={t('grid.keys.name')} rules={[{ required: true, whitespace: true, message: t('grid.keys.nameRequired') }]}>
            <Input maxLength={100} placeholder={t('grid.keys.namePlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('grid.keys.create')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={keys.error} />
      <Table<Open311Key>
        rowKey="id"
        size="small"
        loading={keys.isLoading}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('grid.keys.name'), dataIndex: 'name' },
          { title: t('grid.keys.prefix'), dataIndex: 'keyPrefix', render: (p: string) => <Typography.Text code>{`${p}…`}</Typography.Text> },
          { title: t('grid.keys.createdAt'), dataIndex: 'createdAt', responsive: ['sm'], render: (v: string) => formatDateTime(v) },
          { title: t('grid.keys.lastUsedAt'), dataIndex: 'lastUsedAt', responsive: ['md'], render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: t('grid.keys.status'), dataIndex: 'revokedAt', render: (v: string | null) => <Tag color={v ? 'default' : 'green'}>{t(v ? 'grid.keys.revoked' : 'grid.keys.active')}</Tag> },
          {
            key: 'revoke',
            render: (_: unknown, k: Open311Key) =>
              k.revokedAt ? null : (
                <Popconfirm
                  title={t('grid.keys.revokeConfirm')}
                  onConfirm={async () => {
                    try {
                      await revoke.mutateAsync(k.id);
                      void message.success(t('grid.keys.revokedDone'));
                    } catch (e) {
                      showError(e);
                    }
                  }}
                >
                  <Button size="small" danger>
                    {t('grid.keys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal open={created !== null} title={t('grid.keys.createdTitle')} onCancel={() => setCreated(null)} onOk={() => setCreated(null)} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
        <Alert type="warning" showIcon title={t('grid.keys.createdHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph strong>{created?.name}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: created?.apiKey ?? '' }} code data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>
          {created?.apiKey}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
