import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { PhotoUpload } from '../../ui/photo-upload';
import { useCreateDisciplineRecord, useCreateFeedback, useMemberOptions, useOrgOptions } from './form-hooks';
import { isoDay, useFormRules } from './form-rules';

const disciplineKinds = ['admonishment', 'warning', 'serious_warning', 'removal_from_post', 'probation', 'expulsion'] as const;

interface FeedbackValues {
  inspection: string;
  items: Array<{ problem: string; measures: string; orgId: string; responsibleName: string; deadline: Dayjs; evidenceFileIds?: string[] }>;
}

/** Problems found by an inspection (巡视巡察), each with measures, a responsible unit and a deadline; each becomes a rectification item. */
export function FeedbackFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<FeedbackValues>();
  const orgs = useOrgOptions();
  const create = useCreateFeedback();
  const orgOptions = (orgs.data ?? []).filter((o) => o.kind !== 'group').map((o) => ({ value: o.id, label: o.name }));
  const onFinish = async (v: FeedbackValues) => {
    try {
      await create.mutateAsync({
        inspection: v.inspection.trim(),
        items: v.items.map((i) => ({
          problem: i.problem.trim(),
          measures: i.measures.trim(),
          orgId: i.orgId,
          responsibleName: i.responsibleName.trim(),
          deadline: isoDay(i.deadline),
          evidenceFileIds: i.evidenceFileIds ?? [],
        })),
      });
      void message.success(t('partyWork.discipline.feedbackSaved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  const blankItem = { deadline: dayjs().add(30, 'day'), evidenceFileIds: [] };
  return (
    <Modal open title={t('partyWork.discipline.newFeedback')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<FeedbackValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ items: [blankItem] }}>
        <Form.Item name="inspection" label={t('partyWork.discipline.inspection')} rules={rules.text(100)}>
          <Input maxLength={100} placeholder={t('partyWork.discipline.inspectionHint')} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('partyWork.discipline.problemN', { n: index + 1 })}
                  extra={fields.length > 1 ? <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('partyWork.form.remove')} onClick={() => remove(field.name)} /> : null}
                >
                  <Form.Item name={[field.name, 'problem']} label={t('partyWork.discipline.problem')} rules={rules.text(1000)}>
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'measures']} label={t('partyWork.discipline.measures')} rules={rules.text(2000)}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'orgId']} label={t('partyWork.discipline.responsibleUnit')} rules={[rules.required]}>
                    <Select showSearch optionFilterProp="label" loading={orgs.isPending} options={orgOptions} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'responsibleName']} label={t('partyWork.tours.responsible')} rules={rules.text(50)}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'deadline']} label={t('partyWork.tours.deadline')} rules={[rules.required]}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'evidenceFileIds']} label={t('partyWork.form.photos')}>
                    <PhotoUpload label={t('partyWork.form.addPhoto')} max={20} />
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blankItem)}>
                {t('partyWork.discipline.addProblem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface RecordValues {
  memberId: string;
  decidedOn: Dayjs;
  kind: (typeof disciplineKinds)[number];
  outcome: string;
}

/** A discipline decision about a member. Restricted: the page is only offered to discipline.write. */
export function DisciplineRecordModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<RecordValues>();
  const [search, setSearch] = useState('');
  const members = useMemberOptions({ q: search.trim() || undefined });
  const create = useCreateDisciplineRecord();
  const onFinish = async (v: RecordValues) => {
    try {
      await create.mutateAsync({ memberId: v.memberId, decidedOn: isoDay(v.decidedOn), kind: v.kind, outcome: v.outcome.trim() });
      void message.success(t('partyWork.form.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.discipline.newRecord')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="warning" showIcon title={t('partyWork.discipline.restricted')} style={{ marginBottom: 12 }} />
      <Form<RecordValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ decidedOn: dayjs(), kind: 'admonishment' }}>
        <Form.Item name="memberId" label={t('partyWork.discipline.member')} rules={[rules.required]} extra={t('partyWork.discipline.memberHint')}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={members.isFetching}
            notFoundContent={null}
            options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
          />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('partyWork.discipline.date')} rules={[rules.required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('partyWork.discipline.kind')} rules={[rules.required]}>
          <Select options={disciplineKinds.map((k) => ({ value: k, label: t(`partyWork.discipline.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="outcome" label={t('partyWork.discipline.outcome')} rules={rules.text(1000)}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
