import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { handleFormError, showError } from '../../ui/error-alert';
import { useOrgOptions, type Project } from './hooks';
import { fenToYuan, refusalOf, useCreateProject, useUpdateProject, yuanToFen } from './resettlement-hooks';

/** Shows a resettlement refusal (CONFLICT / INVALID_STATE with a reason) in the user's language; anything else as usual. */
export function useShowRefusal() {
  const { t, has } = useI18n();
  const { message } = App.useApp();
  return (error: unknown) => {
    const refusal = refusalOf(error);
    if (refusal && has(refusal.key)) void message.error(t(refusal.key, refusal.values));
    else showError(error);
  };
}

interface ProjectValues {
  orgId: string;
  kind: 'resettlement' | 'upgrade';
  name: string;
  investmentYuan: number;
  auditState: 'not_audited' | 'auditing' | 'audited';
  auditedYuan: number | null;
  landAreaM2: number | null;
  floorAreaM2: number | null;
  completedAreaM2: number;
  sitesText: string;
  note: string;
}

const sitesOf = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** Create (project undefined) or edit a project; money typed in 元 and sent in fen. */
export function ProjectFormModal({ open, project, onClose, onSaved }: { open: boolean; project?: Project; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectValues>();
  const orgs = useOrgOptions();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');
  const kind = Form.useWatch('kind', form);
  const auditState = Form.useWatch('auditState', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project)
      form.setFieldsValue({
        kind: project.kind,
        name: project.name,
        investmentYuan: fenToYuan(project.investmentFen),
        auditState: project.auditState,
        auditedYuan: project.auditedFen === null ? null : fenToYuan(project.auditedFen),
        floorAreaM2: project.floorAreaM2,
        completedAreaM2: project.completedAreaM2,
        sitesText: project.sites.join('\n'),
        note: project.note,
      });
  }, [open, project, form]);

  const submit = async (v: ProjectValues) => {
    try {
      if (project) {
        await update.mutateAsync({
          name: v.name,
          investmentFen: yuanToFen(v.investmentYuan ?? 0),
          auditState: v.auditState,
          auditedFen: v.auditedYuan === null || v.auditedYuan === undefined ? null : yuanToFen(v.auditedYuan),
          floorAreaM2: v.floorAreaM2 ?? null,
          landAreaM2: v.landAreaM2 ?? null,
          sites: sitesOf(v.sitesText ?? ''),
          completedAreaM2: v.completedAreaM2 ?? 0,
          note: v.note ?? '',
        });
        onSaved?.(project.id);
      } else {
        const { id } = await create.mutateAsync({
          orgId: v.orgId,
          kind: v.kind,
          name: v.name,
          investmentFen: yuanToFen(v.investmentYuan ?? 0),
          landAreaM2: v.landAreaM2 ?? undefined,
          floorAreaM2: v.floorAreaM2 ?? undefined,
          sites: sitesOf(v.sitesText ?? ''),
          completedAreaM2: v.completedAreaM2 ?? 0,
          note: v.note ?? '',
        });
        onSaved?.(id);
      }
      void message.success(t('livelihood.rs.saved'));
      onClose();
    } catch (error) {
      handleFormError(form, error);
    }
  };

  return (
    <Modal
      open={open}
      title={project ? t('livelihood.rs.editProject') : t('livelihood.rs.newProject')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('livelihood.save')}
      cancelText={t('livelihood.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<ProjectValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'resettlement', investmentYuan: 0, completedAreaM2: 0, auditState: 'not_audited', sitesText: '', note: '' }}>
        {project ? null : (
          <Form.Item name="orgId" label={t('livelihood.org')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(orgs.data?.items ?? []).filter((o) => o.kind === 'village' || o.kind === 'community' || o.kind === 'street_committee').map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('livelihood.rs.kind')} rules={[{ required: true }]}>
          <Select disabled={Boolean(project)} options={(['resettlement', 'upgrade'] as const).map((k) => ({ value: k, label: t(`livelihood.rs.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('livelihood.rs.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="investmentYuan" label={t('livelihood.rs.investmentYuan')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        {project ? (
          <>
            <Form.Item name="auditState" label={t('livelihood.rs.auditState')}>
              <Select options={(['not_audited', 'auditing', 'audited'] as const).map((k) => ({ value: k, label: t(`livelihood.rs.audit.${k}`) }))} />
            </Form.Item>
            {auditState === 'audited' ? (
              <Form.Item name="auditedYuan" label={t('livelihood.rs.auditedYuan')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {kind === 'upgrade' ? (
          <>
            <Form.Item name="completedAreaM2" label={t('livelihood.rs.completedAreaM2')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="sitesText" label={t('livelihood.rs.sitesHint')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="landAreaM2" label={t('livelihood.rs.landArea')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="floorAreaM2" label={t('livelihood.rs.floorArea')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('livelihood.rs.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
