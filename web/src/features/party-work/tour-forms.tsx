import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { useChecklists, useCreateChecklist, useCreateTour, useOrgOptions } from './form-hooks';
import { isoDay, useFormRules } from './form-rules';

const visitKinds = ['village', 'community', 'non_public', 'social_org', 'branch'] as const;

interface ChecklistValues {
  name: string;
  items: Array<{ label: string; maxScore: number }>;
}

/** A new score sheet: item names and full marks (keys are generated; the API wants [a-z][a-z0-9_]). */
function ChecklistFormModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const rules = useFormRules();
  const [form] = Form.useForm<ChecklistValues>();
  const create = useCreateChecklist();
  const onFinish = async (v: ChecklistValues) => {
    try {
      const created = await create.mutateAsync({ name: v.name.trim(), items: v.items.map((i, n) => ({ key: `item_${n + 1}`, label: i.label.trim(), maxScore: i.maxScore })) });
      onCreated(created.id);
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.tours.newChecklist')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<ChecklistValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ items: [{ label: '', maxScore: 20 }] }}>
        <Form.Item name="name" label={t('partyWork.tours.checklistName')} rules={rules.text(60)}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'label']} rules={rules.text(60)} style={{ flex: 1, minWidth: 0 }}>
                    <Input maxLength={60} placeholder={t('partyWork.centres.itemN', { n: index + 1 })} aria-label={t('partyWork.centres.itemN', { n: index + 1 })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxScore']} rules={rules.intRange(1, 100)} style={{ width: 96 }}>
                    <InputNumber min={1} max={100} precision={0} inputMode="numeric" aria-label={t('partyWork.tours.maxScore')} placeholder={t('partyWork.tours.maxScore')} style={{ width: '100%' }} />
                  </Form.Item>
                  {fields.length > 1 ? <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('partyWork.form.remove')} onClick={() => remove(field.name)} /> : null}
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ label: '', maxScore: 20 })}>
                {t('partyWork.centres.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface TourValues {
  title: string;
  plannedOn: Dayjs;
  checklistId: string;
  orgIds: string[];
}

/** Plans a tour: the orgs are visited in the order picked. Opens the new tour's page on success. */
export function TourFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rules = useFormRules();
  const [form] = Form.useForm<TourValues>();
  const [newChecklist, setNewChecklist] = useState(false);
  const checklists = useChecklists();
  const orgs = useOrgOptions(visitKinds);
  const create = useCreateTour();
  const onFinish = async (v: TourValues) => {
    try {
      const tour = await create.mutateAsync({ title: v.title.trim(), plannedOn: isoDay(v.plannedOn), checklistId: v.checklistId, orgIds: v.orgIds });
      void message.success(t('partyWork.tours.planned'));
      onClose();
      void navigate(`/tours/${tour.id}`);
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.tours.plan')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<TourValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ plannedOn: dayjs(), orgIds: [] }}>
        <Form.Item name="title" label={t('partyWork.tours.title')} rules={rules.text(100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('partyWork.form.date')} rules={[rules.required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('partyWork.tours.checklist')} required>
          <Flex gap={8}>
            <Form.Item name="checklistId" rules={[rules.required]} noStyle>
              <Select
                style={{ flex: 1, minWidth: 0 }}
                loading={checklists.isPending}
                aria-label={t('partyWork.tours.checklist')}
                options={(checklists.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.maxTotal}）` }))}
              />
            </Form.Item>
            <Button onClick={() => setNewChecklist(true)}>{t('partyWork.tours.newChecklist')}</Button>
          </Flex>
        </Form.Item>
        <Form.Item name="orgIds" label={t('partyWork.tours.orgs')} rules={[rules.pickAtLeastOne]} extra={t('partyWork.tours.orgsHint')}>
          <Select mode="multiple" showSearch optionFilterProp="label" loading={orgs.isPending} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      </Form>
      {newChecklist ? <ChecklistFormModal onClose={() => setNewChecklist(false)} onCreated={(id) => form.setFieldValue('checklistId', id)} /> : null}
    </Modal>
  );
}
