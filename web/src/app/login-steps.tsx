import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Image, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { api } from '../ui/api';
import { applyServerErrors, ErrorAlert } from '../ui/error-alert';
import { useAuth, type LoginOutcome, type LoginStep } from './auth';

interface Enrolment {
  secret: string;
  qrDataUrl: string;
}

/** Second step of login: the authenticator code (enrolling first when the street requires it), or a new password. */
export function LoginStepForm({ step, onDone }: { step: LoginStep; onDone: (outcome: LoginOutcome) => void }) {
  const t = useT();
  const { continueLogin } = useAuth();
  const [form] = Form.useForm<{ code?: string; newPassword?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);

  const startEnrolment = async () => {
    setError(null);
    try {
      setEnrolment(await api<Enrolment>('/api/auth/login/enrol', { method: 'POST', redirectOn401: false }));
    } catch (caught) {
      setError(caught);
    }
  };

  const onFinish = async (values: { code?: string; newPassword?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const body = step.step === 'totp' ? { code: values.code ?? '' } : { newPassword: values.newPassword ?? '' };
      onDone(await continueLogin(step.step, body));
      form.resetFields();
    } catch (caught) {
      if (!applyServerErrors(form, caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={`login-step-${step.step}`}>
      <ErrorAlert error={error} prefix="login.error" style={{ marginBottom: 16 }} />
      {step.step === 'totp' && step.mustEnrol && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('login.enrol.required')} description={
          enrolment ? (
            <>
              <Image src={enrolment.qrDataUrl} alt={t('login.enrol.qr')} width={180} preview={false} />
              <Typography.Paragraph copyable={{ text: enrolment.secret }} style={{ wordBreak: 'break-all', marginBottom: 0 }}>
                {t('login.enrol.secret')}: <code data-testid="totp-secret">{enrolment.secret}</code>
              </Typography.Paragraph>
            </>
          ) : (
            <Button onClick={() => void startEnrolment()}>{t('login.enrol.start')}</Button>
          )
        } />
      )}
      <Form form={form} layout="vertical" requiredMark={false} size="large" onFinish={(v) => void onFinish(v)}>
        {step.step === 'totp' ? (
          <Form.Item name="code" label={t('login.totp.code')} extra={t('login.totp.hint')} rules={[{ required: true, message: t('login.totp.code') }]}>
            <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="text" maxLength={20} autoFocus />
          </Form.Item>
        ) : (
          <Form.Item name="newPassword" label={t('login.expired.newPassword')} extra={t('login.expired.hint')} rules={[{ required: true, message: t('login.expired.newPassword') }]}>
            <Input.Password autoComplete="new-password" autoFocus />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.step.submit')}
        </Button>
      </Form>
    </div>
  );
}

/** Recovery codes are shown once, right after enrolment. */
export function RecoveryCodesModal({ codes, onClose }: { codes: string[]; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={codes.length > 0} title={t('login.recovery.title')} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('login.recovery.ok')}>
      <Typography.Paragraph>{t('login.recovery.hint')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: codes.join('\n') }}>
        <code data-testid="recovery-codes" style={{ whiteSpace: 'pre-line' }}>{codes.join('\n')}</code>
      </Typography.Paragraph>
    </Modal>
  );
}
