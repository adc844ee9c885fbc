import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { useAddTraining, useAssignOrg, useCreateInstructor, useOrgOptions, useUpdateInstructor } from './form-hooks';
import { isoDay, useFormRules } from './form-rules';
import type { InstructorDetail } from './hooks';

const guidedKinds = ['village', 'community', 'non_public', 'social_org'] as const;

interface InstructorValues {
  name: string;
  hiredOn?: Dayjs | null;
  status?: 'active' | 'left';
}

/** Adds an instructor, or corrects one (name, hire date, left). */
export function InstructorFormModal({ instructor, onClose }: { instructor?: InstructorDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<InstructorValues>();
  const create = useCreateInstructor();
  const update = useUpdateInstructor();
  const onFinish = async (v: InstructorValues) => {
    try {
      if (instructor) await update.mutateAsync({ id: instructor.id, name: v.name.trim(), hiredOn: v.hiredOn ? isoDay(v.hiredOn) : null, status: v.status });
      else await create.mutateAsync({ name: v.name.trim(), ...(v.hiredOn ? { hiredOn: isoDay(v.hiredOn) } : {}) });
      void message.success(t('partyWork.form.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal
      open
      title={instructor ? t('partyWork.instructors.editTitle', { name: instructor.name }) : t('partyWork.instructors.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<InstructorValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={instructor ? { name: instructor.name, hiredOn: instructor.hiredOn ? dayjs(instructor.hiredOn) : null, status: instructor.status } : {}}
      >
        <Form.Item name="name" label={t('partyWork.form.name')} rules={rules.text(50)}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="hiredOn" label={t('partyWork.instructors.hiredOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {instructor ? (
          <Form.Item name="status" label={t('partyWork.instructors.status')} rules={[rules.required]}>
            <Select options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`partyWork.instructors.status.${s}`) }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

interface TrainingValues {
  kind: 'academy_course' | 'field_practice';
  title: string;
  heldOn: Dayjs;
  hours: number;
}

/** 党建学院 course or field practice, with its date and hours. */
export function TrainingFormModal({ instructor, onClose }: { instructor: InstructorDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<TrainingValues>();
  const add = useAddTraining();
  const onFinish = async (v: TrainingValues) => {
    try {
      await add.mutateAsync({ id: instructor.id, kind: v.kind, title: v.title.trim(), heldOn: isoDay(v.heldOn), hours: v.hours });
      void message.success(t('partyWork.form.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.instructors.addTrainingTitle', { name: instructor.name })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={add.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<TrainingValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ kind: 'academy_course', heldOn: dayjs() }}>
        <Form.Item name="kind" label={t('partyWork.instructors.trainingKind')} rules={[rules.required]}>
          <Select options={(['academy_course', 'field_practice'] as const).map((k) => ({ value: k, label: t(`partyWork.instructors.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('partyWork.instructors.trainingTitle')} rules={rules.text(100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('partyWork.form.date')} rules={[rules.required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="hours" label={t('partyWork.instructors.trainingHours')} rules={rules.intRange(0, 1000)}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AssignValues {
  orgId: string;
  since?: Dayjs | null;
}

/** Adds a village, community, non-public or social org to the instructor's guided orgs. */
export function AssignOrgModal({ instructor, onClose }: { instructor: InstructorDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<AssignValues>();
  const orgs = useOrgOptions(guidedKinds);
  const assign = useAssignOrg();
  const already = new Set(instructor.orgs.map((o) => o.orgId));
  const onFinish = async (v: AssignValues) => {
    try {
      await assign.mutateAsync({ id: instructor.id, orgId: v.orgId, ...(v.since ? { since: isoDay(v.since) } : {}) });
      void message.success(t('partyWork.form.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.instructors.assignTitle', { name: instructor.name })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={assign.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<AssignValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item name="orgId" label={t('partyWork.form.org')} rules={[rules.required]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={orgs.isPending}
            options={(orgs.data ?? []).filter((o) => !already.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="since" label={t('partyWork.instructors.since')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
