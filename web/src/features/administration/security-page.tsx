import { App, Button, Card, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useSaveSecuritySettings, useSecuritySettings, type SecuritySettings } from './hooks';

/** The security administrator's street-wide settings (等保 level 3: 8.1.4.1 a, d; 8.1.4.2 c). */
export default function SecurityPage() {
  const t = useT();
  const { message } = App.useApp();
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();
  const [form] = Form.useForm<SecuritySettings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const onFinish = async (values: SecuritySettings) => {
    try {
      await save.mutateAsync(values);
      void message.success(t('administration.security.saved'));
    } catch (error) {
      handleFormError(form, error, 'administration.security.error');
    }
  };

  return (
    <div>
      <PageHeader title={t('administration.security.menu')} subtitle={t('administration.security.subtitle')} />
      <Card style={{ maxWidth: 640 }}>
        <ErrorAlert error={settings.error} style={{ marginBottom: 12 }} />
        {settings.isPending ? (
          <Skeleton active />
        ) : (
          <Form<SecuritySettings> form={form} layout="vertical" initialValues={settings.data} onFinish={(v) => void onFinish(v)}>
            <Form.Item name="requireTotpForAdmins" label={t('administration.security.requireTotp')} extra={t('administration.security.requireTotp.hint')} valuePropName="checked">
              <Switch data-testid="require-totp" />
            </Form.Item>
            <Form.Item name="adminPasswordMaxDays" label={t('administration.security.passwordDays')} extra={t('administration.security.passwordDays.hint')} rules={[{ required: true, type: 'integer', min: 1, max: 365 }]}>
              <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="dormantDays" label={t('administration.security.dormantDays')} extra={t('administration.security.dormantDays.hint')} rules={[{ required: true, type: 'integer', min: 7, max: 3650 }]}>
              <InputNumber min={7} max={3650} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('administration.security.sessionsHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
