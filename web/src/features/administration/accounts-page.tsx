import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe, type RoleName } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError, showError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import { useIsMobile } from '../../ui/use-is-mobile';
import {
  businessRoles,
  grantableRoles,
  useEndUserSessions,
  useScopeChoices,
  useUserActions,
  useUserSessions,
  usersEndpoint,
  type CreateUserInput,
  type SessionRow,
  type UserSummary,
} from './hooks';

/** The one-time password, shown once after a new account or a reset. */
function OneTimePasswordModal({ shown, onClose }: { shown: { title: string; username: string; password: string } | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={shown !== null} title={shown?.title} onOk={onClose} onCancel={onClose} okText={t('common.ok')} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
      {shown ? (
        <>
          <Alert type="warning" showIcon title={t('administration.accounts.password.hint')} style={{ marginBottom: 16 }} />
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'username', label: t('administration.accounts.username'), children: <Typography.Text copyable>{shown.username}</Typography.Text> },
              {
                key: 'password',
                label: t('administration.accounts.oneTimePassword'),
                children: (
                  <Typography.Text copyable code data-testid="one-time-password">
                    {shown.password}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}

function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<CreateUserInput>();
  const { create } = useUserActions();
  const scopes = useScopeChoices(open);
  const onFinish = async (values: CreateUserInput) => {
    try {
      const r = await create.mutateAsync(values);
      form.resetFields();
      onCreated(r.user.username, r.temporaryPassword);
    } catch (error) {
      handleFormError(form, error, 'administration.accounts.error');
    }
  };
  const required = { required: true, message: t('administration.accounts.create.required') };
  return (
    <Modal
      open={open}
      title={t('administration.accounts.create')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('administration.accounts.create.hint')}</Typography.Paragraph>
      <Form<CreateUserInput> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ roles: ['member'] }}>
        <Form.Item name="username" label={t('administration.accounts.username')} rules={[required, { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: t('administration.accounts.create.usernameRule') }]}>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('administration.accounts.displayName')} rules={[required]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="roles" label={t('administration.accounts.roles')} rules={[required]}>
          <Select mode="multiple" options={businessRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="scopeOrgId" label={t('administration.accounts.scope')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={scopes.isPending}
            placeholder={t('administration.accounts.create.scopeDefault')}
            options={(scopes.data?.items ?? []).map((o) => ({ value: o.id, label: `${'　'.repeat(Math.max(0, o.depth))}${o.name}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DisableModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const { setStatus } = useUserActions();
  const onFinish = async ({ reason }: { reason?: string }) => {
    if (!user) return;
    try {
      await setStatus.mutateAsync({ id: user.id, status: 'disabled', reason });
      form.resetFields();
      void message.success(t('administration.accounts.disabled'));
      onClose();
    } catch (error) {
      handleFormError(form, error, 'administration.accounts.error');
    }
  };
  return (
    <Modal
      open={user !== null}
      title={`${t('administration.accounts.disable.title')}：${user?.displayName ?? ''}`}
      okText={t('administration.accounts.disable')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={setStatus.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('administration.accounts.disable.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item name="reason" label={t('administration.accounts.disable.reason')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RolesModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: RoleName[] }>();
  const { setRoles } = useUserActions();
  const onFinish = async ({ roles }: { roles: RoleName[] }) => {
    if (!user) return;
    try {
      await setRoles.mutateAsync({ id: user.id, roles });
      void message.success(t('administration.accounts.rolesSaved'));
      onClose();
    } catch (error) {
      handleFormError(form, error, 'administration.accounts.error');
    }
  };
  return (
    <Modal
      open={user !== null}
      title={`${t('administration.accounts.editRoles.title')}：${user?.displayName ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setRoles.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('administration.accounts.editRoles.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ roles: user?.roles ?? [] }} onFinish={(v) => void onFinish(v)}>
        <Form.Item name="roles" rules={[{ required: true, message: t('administration.accounts.create.required') }]}>
          <Checkbox.Group options={grantableRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A user's live sessions, and "end all" (the security administrator). */
function SessionsDrawer({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const sessions = useUserSessions(user?.id ?? null);
  const end = useEndUserSessions();
  const items = sessions.data?.items ?? [];
  return (
    <Drawer open={user !== null} onClose={onClose} title={t('administration.sessions.title', { name: user?.displayName ?? '' })} width={isMobile ? '100%' : 640} destroyOnHidden>
      <ErrorAlert error={sessions.error ?? end.error} style={{ marginBottom: 12 }} />
      <Table<SessionRow>
        size="small"
        rowKey="id"
        loading={sessions.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('administration.sessions.none') }}
        columns={[
          { key: 'createdAt', title: t('administration.sessions.createdAt'), render: (_, s) => formatDateTime(s.createdAt) },
          { key: 'lastSeenAt', title: t('administration.sessions.lastSeenAt'), render: (_, s) => formatDateTime(s.lastSeenAt) },
          { key: 'ip', title: t('administration.sessions.ip'), dataIndex: 'ip' },
          { key: 'userAgent', title: t('administration.sessions.userAgent'), dataIndex: 'userAgent', ellipsis: true },
        ]}
      />
      <Button
        danger
        style={{ marginTop: 12 }}
        disabled={items.length === 0}
        loading={end.isPending}
        onClick={() => {
          if (!user) return;
          void end.mutateAsync(user.id).then((r) => message.success(t('administration.sessions.ended', { n: r.ended })), () => undefined);
        }}
      >
        {t('administration.sessions.endAll')}
      </Button>
    </Drawer>
  );
}

export default function AccountsPage() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = me.permissions.includes('account.manage');
  const canSecure = me.permissions.includes('security.manage');
  const actions = useUserActions();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ title: string; username: string; password: string } | null>(null);
  const [disabling, setDisabling] = useState<UserSummary | null>(null);
  const [editingRoles, setEditingRoles] = useState<UserSummary | null>(null);
  const [sessionsOf, setSessionsOf] = useState<UserSummary | null>(null);

  const status = (u: UserSummary) => (
    <Space size={4} wrap>
      <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`administration.accounts.status.${u.status}`)}</Tag>
      {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <Tag color="red">{t('administration.accounts.locked')}</Tag> : null}
      {u.mustChangePassword ? <Tag color="orange">{t('administration.accounts.mustChange')}</Tag> : null}
    </Space>
  );
  const roles = (u: UserSummary) => (
    <Space size={4} wrap>
      {u.roles.map((r) => (
        <Tag key={r}>{t(`role.${r}`)}</Tag>
      ))}
    </Space>
  );
  const rowActions = (u: UserSummary) => {
    const self = u.id === me.user.id;
    return (
      <Flex wrap gap={4}>
        {canManage && !self && u.status === 'active' ? (
          <Button size="small" danger onClick={() => setDisabling(u)}>
            {t('administration.accounts.disable')}
          </Button>
        ) : null}
        {canManage && u.status === 'disabled' ? (
          <Button
            size="small"
            onClick={() => void actions.setStatus.mutateAsync({ id: u.id, status: 'active' }).then(() => message.success(t('administration.accounts.enabled')), (e: unknown) => showError(e))}
          >
            {t('administration.accounts.enable')}
          </Button>
        ) : null}
        {canManage && !self ? (
          <Popconfirm
            title={t('administration.accounts.resetPassword.confirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              actions.resetPassword.mutateAsync(u.id).then(
                (r) => setShown({ title: t('administration.accounts.password.title'), username: u.username, password: r.temporaryPassword }),
                (e: unknown) => showError(e),
              )
            }
          >
            <Button size="small">{t('administration.accounts.resetPassword')}</Button>
          </Popconfirm>
        ) : null}
        {canSecure ? (
          <Button size="small" onClick={() => setSessionsOf(u)}>
            {t('administration.accounts.sessions')}
          </Button>
        ) : null}
        {canSecure && !self ? (
          <Button size="small" onClick={() => setEditingRoles(u)}>
            {t('administration.accounts.editRoles')}
          </Button>
        ) : null}
        {canSecure && u.twoFactor ? (
          <Popconfirm
            title={t('administration.accounts.resetTwoFactor.confirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => actions.resetTwoFactor.mutateAsync(u.id).then(() => message.success(t('administration.accounts.twoFactorReset')), (e: unknown) => showError(e))}
          >
            <Button size="small">{t('administration.accounts.resetTwoFactor')}</Button>
          </Popconfirm>
        ) : null}
      </Flex>
    );
  };

  return (
    <div>
      <PageHeader
        title={t('administration.accounts.menu')}
        subtitle={t('administration.accounts.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('administration.accounts.create')}
            </Button>
          ) : null
        }
      />
      <ResourceTable<UserSummary>
        endpoint={usersEndpoint}
        rowKey="id"
        filters={[
          { type: 'text', name: 'q', labelKey: 'administration.accounts.search' },
          {
            type: 'select',
            name: 'status',
            labelKey: 'administration.accounts.status',
            options: [
              { value: 'active', labelKey: 'administration.accounts.status.active' },
              { value: 'disabled', labelKey: 'administration.accounts.status.disabled' },
            ],
          },
        ]}
        columns={[
          { key: 'username', title: t('administration.accounts.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('administration.accounts.displayName'), dataIndex: 'displayName' },
          { key: 'roles', title: t('administration.accounts.roles'), render: (_, u) => roles(u) },
          { key: 'scope', title: t('administration.accounts.scope'), render: (_, u) => u.scopeOrgName ?? me.user.tenant.name },
          { key: 'status', title: t('administration.accounts.status'), render: (_, u) => status(u) },
          {
            key: 'twoFactor',
            title: t('administration.accounts.twoFactor'),
            render: (_, u) => (u.twoFactor ? t('administration.accounts.twoFactor.on') : t('administration.accounts.twoFactor.off')),
          },
          { key: 'lastLoginAt', title: t('administration.accounts.lastLoginAt'), render: (_, u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '—') },
          { key: 'actions', title: t('common.actions'), render: (_, u) => rowActions(u) },
        ]}
        renderCard={(u) => (
          <Card size="small" data-testid={`account-card-${u.username}`} title={`${u.displayName}（${u.username}）`}>
            <Space direction="vertical" size={6} style={{ width: '100%' }}>
              {roles(u)}
              <Typography.Text type="secondary">
                {t('administration.accounts.scope')}：{u.scopeOrgName ?? me.user.tenant.name}
              </Typography.Text>
              {status(u)}
              {rowActions(u)}
            </Space>
          </Card>
        )}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => {
          setCreating(false);
          setShown({ title: t('administration.accounts.created.title'), username, password });
        }}
      />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
      <DisableModal user={disabling} onClose={() => setDisabling(null)} />
      <RolesModal user={editingRoles} onClose={() => setEditingRoles(null)} />
      <SessionsDrawer user={sessionsOf} onClose={() => setSessionsOf(null)} />
    </div>
  );
}
