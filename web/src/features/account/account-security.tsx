import { App, Button, Card, Form, Image, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { useFilePrivacyRequest, useMyPrivacyRequests, useTwoFactor, useTwoFactorActions, type Enrolment, type PrivacyRequest } from './hooks';

/** Two-factor login: bind an authenticator app (QR), confirm with a first code, keep the recovery codes. */
export function TwoFactorCard() {
  const t = useT();
  const { message } = App.useApp();
  const status = useTwoFactor();
  const actions = useTwoFactorActions();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [form] = Form.useForm<{ code: string }>();
  const [offForm] = Form.useForm<{ password: string }>();

  const confirm = async ({ code }: { code: string }) => {
    try {
      const r = await actions.confirm.mutateAsync(code);
      setCodes(r.recoveryCodes);
      setEnrolment(null);
      form.resetFields();
    } catch (error) {
      handleFormError(form, error, 'account.twoFactor.error');
    }
  };
  const disable = async ({ password }: { password: string }) => {
    try {
      await actions.disable.mutateAsync(password);
      offForm.resetFields();
      void message.success(t('account.twoFactor.disabled'));
    } catch (error) {
      handleFormError(offForm, error, 'account.twoFactor.error');
    }
  };

  return (
    <Card title={t('account.twoFactor.title')} data-testid="two-factor-card">
      <ErrorAlert error={status.error ?? actions.enrol.error} style={{ marginBottom: 12 }} />
      {status.data && (
        <Typography.Paragraph>
          {status.data.enabled ? <Tag color="green">{t('account.twoFactor.on')}</Tag> : <Tag>{t('account.twoFactor.off')}</Tag>}
          {status.data.enabled && t('account.twoFactor.codesLeft', { n: status.data.recoveryCodesLeft })}
          {status.data.required && <Tag color="red">{t('account.twoFactor.required')}</Tag>}
        </Typography.Paragraph>
      )}
      {codes.length > 0 && (
        <Typography.Paragraph copyable={{ text: codes.join('\n') }}>
          {t('account.twoFactor.codesOnce')}
          <br />
          <code data-testid="recovery-codes" style={{ whiteSpace: 'pre-line' }}>{codes.join('\n')}</code>
        </Typography.Paragraph>
      )}
      {status.data && !status.data.enabled && !enrolment && (
        <Button loading={actions.enrol.isPending} onClick={() => void actions.enrol.mutateAsync().then(setEnrolment)}>
          {t('account.twoFactor.enrol')}
        </Button>
      )}
      {enrolment && (
        <Space direction="vertical">
          <Image src={enrolment.qrDataUrl} alt="QR" width={180} preview={false} />
          <Typography.Text copyable={{ text: enrolment.secret }} style={{ wordBreak: 'break-all' }}>
            <code data-testid="totp-secret">{enrolment.secret}</code>
          </Typography.Text>
          <Form form={form} layout="inline" onFinish={(v) => void confirm(v)}>
            <Form.Item name="code" rules={[{ required: true, message: t('account.twoFactor.code') }]}>
              <Input placeholder={t('account.twoFactor.code')} autoComplete="one-time-code" maxLength={6} style={{ width: 140 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={actions.confirm.isPending}>
              {t('account.twoFactor.confirm')}
            </Button>
          </Form>
        </Space>
      )}
      {status.data?.enabled && !status.data.required && (
        <Form form={offForm} layout="inline" onFinish={(v) => void disable(v)} style={{ marginTop: 12 }}>
          <Form.Item name="password" rules={[{ required: true, message: t('account.password.required') }]}>
            <Input.Password placeholder={t('account.password.current')} autoComplete="current-password" style={{ width: 180 }} />
          </Form.Item>
          <Button danger htmlType="submit" loading={actions.disable.isPending}>
            {t('account.twoFactor.disable')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** PIPL: see what is held, and ask for access, correction or deletion through a tracked request. */
export function PrivacyCard() {
  const t = useT();
  const { message } = App.useApp();
  const list = useMyPrivacyRequests();
  const file = useFilePrivacyRequest();
  const [form] = Form.useForm<{ kind: PrivacyRequest['kind']; details: string }>();
  const onFinish = async (v: { kind: PrivacyRequest['kind']; details: string }) => {
    try {
      await file.mutateAsync(v);
      form.resetFields();
      void message.success(t('account.privacy.filed'));
    } catch (error) {
      handleFormError(form, error, 'account.privacy.error');
    }
  };
  return (
    <Card title={t('account.privacy.title')} data-testid="privacy-card">
      <Typography.Paragraph type="secondary">{t('account.privacy.notice')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'access' }} onFinish={(v) => void onFinish(v)} style={{ maxWidth: 520 }}>
        <Form.Item name="kind" label={t('account.privacy.kind')}>
          <Select options={(['access', 'correct', 'delete'] as const).map((k) => ({ value: k, label: t(`account.privacy.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="details" label={t('account.privacy.details')} rules={[{ required: true, message: t('account.privacy.details') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending}>
          {t('account.privacy.submit')}
        </Button>
      </Form>
      <ErrorAlert error={list.error} style={{ marginTop: 12 }} />
      <Table<PrivacyRequest>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'createdAt', title: t('account.privacy.filedAt'), render: (_, r) => formatDateTime(r.createdAt) },
          { key: 'kind', title: t('account.privacy.kind'), render: (_, r) => t(`account.privacy.kind.${r.kind}`) },
          { key: 'details', title: t('account.privacy.details'), dataIndex: 'details', ellipsis: true },
          { key: 'status', title: t('account.privacy.status'), render: (_, r) => <Tag color={r.status === 'open' ? 'blue' : r.status === 'done' ? 'green' : 'red'}>{t(`account.privacy.status.${r.status}`)}</Tag> },
          { key: 'answer', title: t('account.privacy.answer'), dataIndex: 'answer' },
        ]}
      />
    </Card>
  );
}
