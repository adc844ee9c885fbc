import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n/i18n-context';
import { isApiError } from '../ui/api';
import { applyServerErrors, ErrorAlert } from '../ui/error-alert';
import { LanguageSwitch } from './language-switch';
import { useAuth, type LoginInput, type LoginOutcome, type LoginStep } from './auth';
import { LoginStepForm, RecoveryCodesModal } from './login-steps';

/** Only same-site paths are followed after login (no `//evil.example`). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const t = useT();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<LoginInput>();
  const [otherStreetOpen, setOtherStreetOpen] = useState(false);
  const next = safeNext(searchParams.get('next'));
  const [pending, setPending] = useState<LoginStep | null>(null);
  const [codes, setCodes] = useState<string[]>([]);

  if (me && !submitting && codes.length === 0) return <Navigate to={next} replace />;

  const onOutcome = (outcome: LoginOutcome) => {
    if ('step' in outcome) {
      setPending(outcome);
      return;
    }
    setPending(null);
    if (outcome.recoveryCodes.length > 0) setCodes(outcome.recoveryCodes);
    else void navigate(next, { replace: true });
  };

  const onFinish = async (values: LoginInput) => {
    setSubmitting(true);
    setError(null);
    try {
      onOutcome(await login(values));
    } catch (caught) {
      // A username that exists in several streets comes back as a field error on tenantCode.
      if (isApiError(caught) && caught.fieldErrors.some((field) => field.path === 'tenantCode')) setOtherStreetOpen(true);
      if (!applyServerErrors(form, caught)) setError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(180deg, #c8161d 0, #c8161d 220px, #f5f5f5 220px)' }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, color: '#fff' }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0, color: '#c8161d' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        <RecoveryCodesModal codes={codes} onClose={() => { setCodes([]); void navigate(next, { replace: true }); }} />
        {pending && <LoginStepForm step={pending} onDone={onOutcome} />}
        <ErrorAlert error={error} prefix="login.error" style={{ marginBottom: 16 }} />
        <Form<LoginInput> style={pending ? { display: 'none' } : undefined} form={form} layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required.username') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required.password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Collapse
            ghost
            size="small"
            activeKey={otherStreetOpen ? ['tenant'] : []}
            onChange={(keys) => setOtherStreetOpen(keys.length > 0)}
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'tenant',
                label: t('login.otherStreet'),
                forceRender: true,
                children: (
                  <Form.Item
                    name="tenantCode"
                    label={t('login.tenantCode')}
                    extra={t('login.tenantCodeHint')}
                    rules={[{ pattern: /^\d{9}$/, message: t('login.tenantCodeHint') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input inputMode="numeric" maxLength={9} />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('app.fullName')}
      </Typography.Text>
    </Flex>
  );
}
