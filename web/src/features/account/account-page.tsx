import { App, Button, Card, Col, Descriptions, Form, Input, Row, Table, Tag } from 'antd';
import { useMe } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { PrivacyCard, TwoFactorCard } from './account-security';
import { useChangePassword, useEndSession, useSessions, type SessionInfo } from './hooks';

const minPasswordLength = 8;

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function PasswordCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();

  const onFinish = async ({ currentPassword, newPassword }: PasswordForm) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.resetFields();
      void message.success(t('account.password.changed'));
    } catch (error) {
      handleFormError(form, error, 'account.password.error');
    }
  };

  return (
    <Card title={t('account.password.title')}>
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(values) => void onFinish(values)} style={{ maxWidth: 420 }}>
        <Form.Item
          name="currentPassword"
          label={t('account.password.current')}
          rules={[{ required: true, message: t('account.password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.password.new')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('account.password.required') },
            { min: minPasswordLength, message: t('account.password.tooShort', { min: minPasswordLength }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('account.password.sameAsOld')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.password.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function SessionsCard() {
  const t = useT();
  const { message } = App.useApp();
  const sessions = useSessions();
  const end = useEndSession();
  if (sessions.data === null) return null;
  return (
    <Card title={t('account.sessions.title')}>
      <ErrorAlert error={sessions.error} style={{ marginBottom: 12 }} />
      <Table<SessionInfo>
        size="small"
        rowKey="id"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'createdAt',
            title: t('account.sessions.createdAt'),
            render: (_, row) => (
              <>
                {formatDateTime(row.createdAt)} {row.current ? <Tag color="green">{t('account.sessions.current')}</Tag> : null}
              </>
            ),
          },
          { key: 'lastSeenAt', title: t('account.sessions.lastSeenAt'), render: (_, row) => formatDateTime(row.lastSeenAt) },
          { key: 'ip', title: t('account.sessions.ip'), dataIndex: 'ip' },
          { key: 'userAgent', title: t('account.sessions.userAgent'), dataIndex: 'userAgent', ellipsis: true },
          {
            key: 'end',
            title: '',
            render: (_, row) =>
              row.current ? null : (
                <Button size="small" danger loading={end.isPending} onClick={() => void end.mutateAsync(row.id).then(() => message.success(t('account.sessions.ended')))}>
                  {t('account.sessions.end')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

export default function AccountPage() {
  const t = useT();
  const me = useMe();
  return (
    <div>
      <PageHeader title={t('account.menu')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.profile')}>
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: t('account.username'), children: me.user.username },
                { key: 'displayName', label: t('account.displayName'), children: me.user.displayName },
                { key: 'roles', label: t('account.roles'), children: me.user.roles.map((role) => t(`role.${role}`)).join('、') },
                { key: 'scope', label: t('account.scope'), children: me.user.scopeOrgName ?? me.user.tenant.name },
                { key: 'street', label: t('account.street'), children: `${me.user.tenant.name}（${me.user.tenant.code}）` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <SessionsCard />
        </Col>
        <Col xs={24} lg={12}>
          <TwoFactorCard />
        </Col>
        <Col xs={24} lg={12}>
          <PrivacyCard />
        </Col>
      </Row>
    </div>
  );
}
