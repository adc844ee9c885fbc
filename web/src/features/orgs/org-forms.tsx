import { Alert, App, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { useCloseOrg, useCreateOrg, useMoveOrg, useRenameOrg } from './hooks';
import { buildTree, childKinds, subtreeIds, type OrgKind, type OrgTreeNode, type OrgUnit } from './org-units';

const dateFormat = 'YYYY-MM-DD';
const errorPrefix = 'orgs.error';

interface DialogProps {
  unit: OrgUnit;
  onClose: () => void;
}

function EffectiveDateItem({ name = 'effectiveDate', labelKey = 'orgs.field.effectiveDate' }: { name?: string; labelKey?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(labelKey)} rules={[{ required: true, message: t('orgs.validation.date') }]}>
      <DatePicker style={{ width: '100%' }} format={dateFormat} />
    </Form.Item>
  );
}

/** The ids the server returned for a created unit, whichever envelope it uses. */
function createdId(response: unknown): string | null {
  if (typeof response !== 'object' || response === null) return null;
  const record = response as { id?: unknown; unit?: { id?: unknown } };
  if (record.id !== undefined) return String(record.id);
  if (record.unit?.id !== undefined) return String(record.unit.id);
  return null;
}

interface CreateValues {
  kind: OrgKind;
  name: string;
  divisionCode?: string;
  validFrom: Dayjs;
}

export function CreateChildDialog({ unit, onClose, onCreated }: DialogProps & { onCreated: (id: string | null) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateOrg();
  const kinds = childKinds[unit.kind];

  const onFinish = async (values: CreateValues) => {
    try {
      const divisionCode = values.divisionCode?.trim();
      const response = await create.mutateAsync({
        parentId: unit.id,
        kind: values.kind,
        name: values.name.trim(),
        divisionCode: divisionCode ? divisionCode : undefined,
        validFrom: values.validFrom.format(dateFormat),
      });
      void message.success(t('orgs.done.created'));
      onCreated(createdId(response));
    } catch (error) {
      handleFormError(form, error, errorPrefix);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.create.title', { parent: unit.name })}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0], validFrom: dayjs() }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="kind" label={t('orgs.field.kind')} rules={[{ required: true, message: t('orgs.validation.kind') }]}>
          <Select options={kinds.map((kind) => ({ value: kind, label: t(`orgs.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('orgs.field.name')} rules={[{ required: true, whitespace: true, message: t('orgs.validation.name') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('orgs.field.divisionCode')}
          rules={[{ pattern: /^\d{12}$/, message: t('orgs.validation.divisionCode') }]}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <EffectiveDateItem name="validFrom" labelKey="orgs.field.validFrom" />
      </Form>
    </Modal>
  );
}

interface RenameValues {
  name: string;
  effectiveDate: Dayjs;
}

export function RenameDialog({ unit, onClose }: DialogProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RenameValues>();
  const rename = useRenameOrg();

  const onFinish = async (values: RenameValues) => {
    try {
      await rename.mutateAsync({ id: unit.id, name: values.name.trim(), effectiveDate: values.effectiveDate.format(dateFormat) });
      void message.success(t('orgs.done.renamed'));
      onClose();
    } catch (error) {
      handleFormError(form, error, errorPrefix);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.rename.title', { name: unit.name })}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={rename.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RenameValues>
        form={form}
        layout="vertical"
        initialValues={{ name: unit.name, effectiveDate: dayjs() }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="name" label={t('orgs.field.name')} rules={[{ required: true, whitespace: true, message: t('orgs.validation.name') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <EffectiveDateItem />
      </Form>
    </Modal>
  );
}

interface MoveValues {
  parentId: string;
  effectiveDate: Dayjs;
}

interface ParentOption {
  value: string;
  title: string;
  disabled: boolean;
  children: ParentOption[];
}

function toParentOptions(nodes: OrgTreeNode[], excluded: Set<string>, kind: OrgKind): ParentOption[] {
  return nodes
    .filter((node) => !excluded.has(node.key))
    .map((node) => ({
      value: node.key,
      title: node.unit.name,
      disabled: !childKinds[node.unit.kind].includes(kind),
      children: toParentOptions(node.children, excluded, kind),
    }));
}

export function MoveDialog({ unit, units, onClose }: DialogProps & { units: OrgUnit[] }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveOrg();
  const treeData = useMemo(() => {
    const active = units.filter((candidate) => candidate.status === 'active');
    return toParentOptions(buildTree(active), subtreeIds(units, unit.id), unit.kind);
  }, [units, unit]);

  const onFinish = async (values: MoveValues) => {
    try {
      const target = units.find((candidate) => String(candidate.id) === values.parentId);
      await move.mutateAsync({ id: unit.id, parentId: target ? target.id : values.parentId, effectiveDate: values.effectiveDate.format(dateFormat) });
      void message.success(t('orgs.done.moved'));
      onClose();
    } catch (error) {
      handleFormError(form, error, errorPrefix);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.move.title', { name: unit.name })}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MoveValues> form={form} layout="vertical" initialValues={{ effectiveDate: dayjs() }} onFinish={(values) => void onFinish(values)}>
        <Form.Item name="parentId" label={t('orgs.field.newParent')} rules={[{ required: true, message: t('orgs.validation.parent') }]}>
          <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <EffectiveDateItem />
      </Form>
    </Modal>
  );
}

interface CloseValues {
  effectiveDate: Dayjs;
  reason?: string;
}

export function CloseDialog({ unit, onClose, onClosed }: DialogProps & { onClosed: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseOrg();

  const onFinish = async (values: CloseValues) => {
    try {
      const reason = values.reason?.trim();
      await close.mutateAsync({ id: unit.id, effectiveDate: values.effectiveDate.format(dateFormat), reason: reason ? reason : undefined });
      void message.success(t('orgs.done.closed'));
      onClosed();
    } catch (error) {
      handleFormError(form, error, errorPrefix);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.close.title', { name: unit.name })}
      okText={t('orgs.action.close')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('orgs.close.warning')} style={{ marginBottom: 16 }} />
      <Form<CloseValues> form={form} layout="vertical" initialValues={{ effectiveDate: dayjs() }} onFinish={(values) => void onFinish(values)}>
        <EffectiveDateItem />
        <Form.Item name="reason" label={t('orgs.field.reason')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
