import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { PhotoUpload } from '../../ui/photo-upload';
import { useCreateCentre, useOrgOptions, usePublishStandard, useUpdateCentre, type CentreInput } from './form-hooks';
import { useFormRules } from './form-rules';
import type { Centre, Standard } from './hooks';

const centreOrgKinds = ['street_committee', 'village', 'community'] as const;

type CentreValues = CentreInput & { orgId?: string };

/** Registers a centre (choose its org) or edits one (the org is fixed). */
export function CentreFormModal({ centre, onClose }: { centre?: Centre; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<CentreValues>();
  const orgs = useOrgOptions(centreOrgKinds);
  const create = useCreateCentre();
  const update = useUpdateCentre();
  const onFinish = async (v: CentreValues) => {
    const body: CentreInput = {
      name: v.name.trim(),
      address: (v.address ?? '').trim(),
      areaM2: v.areaM2,
      openingHours: (v.openingHours ?? '').trim(),
      photoFileIds: v.photoFileIds ?? [],
      transitional: v.transitional === true,
    };
    try {
      if (centre) await update.mutateAsync({ id: centre.id, ...body });
      else await create.mutateAsync({ ...body, orgId: v.orgId ?? '' });
      void message.success(t('partyWork.form.saved'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal
      open
      title={centre ? t('partyWork.centres.editTitle', { name: centre.name }) : t('partyWork.centres.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CentreValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={
          centre
            ? { name: centre.name, address: centre.address, areaM2: centre.areaM2, openingHours: centre.openingHours, photoFileIds: centre.photoFileIds, transitional: centre.transitional }
            : { photoFileIds: [], transitional: false, openingHours: '' }
        }
      >
        {centre ? null : (
          <Form.Item name="orgId" label={t('partyWork.form.org')} rules={[rules.required]}>
            <Select showSearch optionFilterProp="label" loading={orgs.isPending} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('partyWork.centres.name')} rules={rules.text(100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('partyWork.centres.address')} rules={rules.optionalText(200)}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="areaM2" label={t('partyWork.centres.areaM2')} rules={rules.intRange(1, 100000)}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" addonAfter="㎡" />
        </Form.Item>
        <Form.Item name="openingHours" label={t('partyWork.centres.openingHours')} rules={rules.optionalText(100)}>
          <Input maxLength={100} placeholder={t('partyWork.centres.openingHoursHint')} />
        </Form.Item>
        <Form.Item name="transitional" valuePropName="checked">
          <Checkbox>{t('partyWork.centres.transitional')}</Checkbox>
        </Form.Item>
        <Form.Item name="photoFileIds" label={t('partyWork.form.photos')}>
          <PhotoUpload label={t('partyWork.form.addPhoto')} max={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface StandardValues {
  items: Array<{ key?: string; label: string }>;
  note?: string;
}

/** A key for a new item that the current standard does not use yet (the API wants [a-z][a-z0-9_]). */
function freshKey(taken: Set<string>): string {
  let n = taken.size + 1;
  while (taken.has(`item_${n}`)) n += 1;
  taken.add(`item_${n}`);
  return `item_${n}`;
}

/** Publishes a new version of the checklist: items kept keep their key (renames keep history comparable). */
export function StandardFormModal({ standard, onClose }: { standard: Standard | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<StandardValues>();
  const publish = usePublishStandard();
  const onFinish = async (v: StandardValues) => {
    const taken = new Set(v.items.map((i) => i.key).filter((k): k is string => Boolean(k)));
    const items = v.items.map((i) => ({ key: i.key ?? freshKey(taken), label: i.label.trim() }));
    try {
      await publish.mutateAsync({ items, note: v.note?.trim() ? v.note.trim() : undefined });
      void message.success(t('partyWork.centres.published'));
      onClose();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Modal open title={t('partyWork.centres.publishTitle', { version: (standard?.version ?? 0) + 1 })} okText={t('partyWork.centres.publish')} cancelText={t('common.cancel')} confirmLoading={publish.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<StandardValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ items: standard?.items ?? [{ label: '' }] }}>
        <Form.List
          name="items"
          rules={[
            {
              validator: async (_, items: unknown[] | undefined) => {
                if (!items || items.length === 0) throw new Error(t('partyWork.form.pickOne'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} rules={rules.text(50)} style={{ flex: 1, minWidth: 0 }}>
                    <Input maxLength={50} aria-label={t('partyWork.centres.itemN', { n: index + 1 })} placeholder={t('partyWork.centres.itemN', { n: index + 1 })} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('partyWork.form.remove')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ label: '' })}>
                {t('partyWork.centres.addItem')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('partyWork.centres.note')} rules={rules.optionalText(200)} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
