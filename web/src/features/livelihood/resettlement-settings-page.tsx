import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../ui/format';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useProjects } from './hooks';
import { RateCards } from './resettlement-page';
import { milestoneKinds, useRateSettings, useSaveRateSettings, type RateSettings } from './resettlement-hooks';

type Values = Omit<RateSettings, 'version' | 'updatedAt'> & { reason: string };

/** The street admin's rate definitions (开工, 网签率 and 回迁率 denominators, 满意 threshold); saving recomputes the rates shown below. */
export default function ResettlementSettingsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const settings = useRateSettings();
  const projects = useProjects();
  const save = useSaveRateSettings();
  const [form] = Form.useForm<Values>();
  const canWrite = can('livelihood.settings.write');
  const s = settings.data;

  useEffect(() => {
    if (s) form.setFieldsValue({ startedMilestone: s.startedMilestone, startedWhen: s.startedWhen, contractBasis: s.contractBasis, moveBackBasis: s.moveBackBasis, satisfiedMinRating: s.satisfiedMinRating, reason: '' });
  }, [s, form]);

  const submit = async (v: Values) => {
    if (!s) return;
    try {
      await save.mutateAsync({ ...v, reason: v.reason ?? '', version: s.version });
      void message.success(t('livelihood.st.saved'));
    } catch (error) {
      handleFormError(form, error);
    }
  };

  return (
    <div>
      <PageHeader title={t('livelihood.st.title')} subtitle={t('livelihood.st.subtitle')} extra={<Link to="/resettlement">{t('livelihood.rs.back')}</Link>} />
      <ErrorAlert error={settings.error} />
      {s ? (
        <Card size="small" style={{ maxWidth: 640 }} extra={<Typography.Text type="secondary" data-testid="settings-version">{t('livelihood.st.version', { v: s.version })}{s.updatedAt ? ` · ${formatDateTime(s.updatedAt)}` : ''}</Typography.Text>}>
          <Form<Values> form={form} layout="vertical" disabled={!canWrite} onFinish={(v) => void submit(v)}>
            <Form.Item name="startedMilestone" label={t('livelihood.st.startedMilestone')} rules={[{ required: true }]}>
              <Select options={milestoneKinds.map((k) => ({ value: k, label: t(`livelihood.ms.${k}`) }))} />
            </Form.Item>
            <Form.Item name="startedWhen" label={t('livelihood.st.startedWhen')} rules={[{ required: true }]}>
              <Radio.Group options={(['started', 'completed'] as const).map((k) => ({ value: k, label: t(`livelihood.st.startedWhen.${k}`) }))} />
            </Form.Item>
            <Form.Item name="contractBasis" label={t('livelihood.st.contractBasis')} rules={[{ required: true }]}>
              <Radio.Group options={(['allocated', 'built'] as const).map((k) => ({ value: k, label: t(`livelihood.st.contractBasis.${k}`) }))} />
            </Form.Item>
            <Form.Item name="moveBackBasis" label={t('livelihood.st.moveBackBasis')} rules={[{ required: true }]}>
              <Radio.Group options={(['listed', 'allocated'] as const).map((k) => ({ value: k, label: t(`livelihood.st.moveBackBasis.${k}`) }))} />
            </Form.Item>
            <Form.Item name="satisfiedMinRating" label={t('livelihood.st.satisfiedMinRating')} rules={[{ required: true }]}>
              <InputNumber min={1} max={5} precision={0} />
            </Form.Item>
            <Form.Item name="reason" label={t('livelihood.st.reason')}>
              <Input maxLength={200} />
            </Form.Item>
            <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
            {canWrite ? (
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
                {t('livelihood.save')}
              </Button>
            ) : null}
          </Form>
        </Card>
      ) : null}
      {projects.data ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{t('livelihood.st.current')}</Typography.Title>
          <RateCards rates={projects.data.street} />
        </div>
      ) : null}
      {!canWrite && s ? <Alert style={{ marginTop: 12 }} type="info" title={t('livelihood.st.subtitle')} /> : null}
    </div>
  );
}
