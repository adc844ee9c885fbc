import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { handleFormError, showError } from '../../ui/error-alert';
import { useChangeMemberState, useCreateMember, useMemberHomes, useRevealMember, useTransferMember, useUpdateMember } from './hooks';
import { actionsFrom, type MemberAction, type MemberCategory, type MemberDetail } from './members';

const dateFormat = 'YYYY-MM-DD';
const errorPrefix = 'members.error';
const day = (d: Dayjs | null | undefined) => (d ? d.format(dateFormat) : null);
const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

function OrgSelect(props: { value?: string; onChange?: (v: string) => void; exclude?: string }) {
  const homes = useMemberHomes();
  return (
    <Select
      showSearch
      optionFilterProp="label"
      value={props.value}
      onChange={props.onChange}
      loading={homes.isLoading}
      options={(homes.data ?? []).filter((o) => o.id !== props.exclude).map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

interface MemberValues {
  orgId?: string;
  name: string;
  idNumber?: string;
  phone?: string;
  ethnicity?: string;
  education?: string;
  category: MemberCategory;
  joinDate?: Dayjs | null;
  regularisedDate?: Dayjs | null;
  posts?: string[];
  address?: string;
}

/** Create (no member) or edit (member): the branch is chosen on create only; moving is a transfer. */
export function MemberFormDialog({ member, onClose, onSaved }: { member?: MemberDetail; onClose: () => void; onSaved?: (m: MemberDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberValues>();
  const create = useCreateMember();
  const update = useUpdateMember(member?.id ?? '');
  const pending = create.isPending || update.isPending;

  const onFinish = async (v: MemberValues) => {
    const body = {
      name: v.name.trim(),
      phone: blank(v.phone),
      ethnicity: blank(v.ethnicity),
      education: blank(v.education),
      category: v.category,
      joinDate: day(v.joinDate),
      regularisedDate: day(v.regularisedDate),
      posts: v.posts ?? [],
      address: blank(v.address),
    };
    try {
      let saved: MemberDetail;
      if (member) {
        saved = await update.mutateAsync({ ...body, ...(blank(v.idNumber) ? { idNumber: blank(v.idNumber) ?? undefined } : {}) });
      } else {
        const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null)) as T;
        saved = await create.mutateAsync({ ...strip(body), orgId: v.orgId ?? '', idNumber: v.idNumber?.trim() ?? '' });
      }
      void message.success(t('members.saved'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      handleFormError(form, error, errorPrefix);
    }
  };

  return (
    <Modal open title={member ? `${t('members.edit')} · ${member.name}` : t('members.create')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<MemberValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={
          member
            ? {
                name: member.name,
                ethnicity: member.ethnicity ?? undefined,
                education: member.education ?? undefined,
                category: member.category,
                joinDate: member.joinDate ? dayjs(member.joinDate) : null,
                regularisedDate: member.regularisedDate ? dayjs(member.regularisedDate) : null,
                posts: member.posts,
                address: member.address ?? undefined,
              }
            : { category: 'formal', ethnicity: '汉族', posts: [] }
        }
      >
        {member ? null : (
          <Form.Item name="orgId" label={t('members.field.org')} rules={[{ required: true }]}>
            <OrgSelect />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('members.field.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('members.field.idNumber')} rules={member ? [] : [{ required: true }]} extra={member ? member.idNumberMasked : undefined}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('members.field.phone')} extra={member ? member.phoneMasked : undefined}>
          <Input maxLength={11} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="category" label={t('members.field.category')} rules={[{ required: true }]}>
          <Select options={(['formal', 'probationary'] as const).map((c) => ({ value: c, label: t(`members.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="joinDate" label={t('members.field.joinDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regularisedDate" label={t('members.field.regularisedDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="posts" label={t('members.field.posts')}>
          <Select mode="tags" options={['书记', '副书记', '组织委员', '宣传委员', '纪检委员'].map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('members.field.ethnicity')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="education" label={t('members.field.education')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="address" label={t('members.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TransferDialog({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ toOrgId: string; transferDate: Dayjs; reason?: string }>();
  const transfer = useTransferMember(member.id);
  return (
    <Modal open title={`${t('members.transfer')} · ${member.name}`} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={transfer.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ transferDate: dayjs() }}
        onFinish={async (v) => {
          try {
            await transfer.mutateAsync({ toOrgId: v.toOrgId, transferDate: v.transferDate.format(dateFormat), reason: blank(v.reason) ?? undefined });
            onClose();
          } catch (error) {
            handleFormError(form, error, errorPrefix);
          }
        }}
      >
        <Form.Item label={t('members.field.org')}>{member.orgName}</Form.Item>
        <Form.Item name="toOrgId" label={t('members.field.toOrg')} rules={[{ required: true }]}>
          <OrgSelect exclude={member.orgId} />
        </Form.Item>
        <Form.Item name="transferDate" label={t('members.field.transferDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('members.field.reason')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StateDialog({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ action: MemberAction; date: Dayjs; reason: string }>();
  const change = useChangeMemberState(member.id);
  const actions = actionsFrom[member.state];
  return (
    <Modal open title={`${t('members.changeState')} · ${member.name}`} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={change.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ action: actions[0], date: dayjs() }}
        onFinish={async (v) => {
          try {
            await change.mutateAsync({ action: v.action, date: v.date.format(dateFormat), reason: v.reason.trim() });
            onClose();
          } catch (error) {
            handleFormError(form, error, errorPrefix);
          }
        }}
      >
        <Form.Item name="action" label={t('members.field.action')} rules={[{ required: true }]}>
          <Select options={actions.map((a) => ({ value: a, label: t(`members.action.${a}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('members.field.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('members.field.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Asks for a reason, then shows the plaintext once; the server audits the look. */
export function RevealDialog({ member, field, onClose }: { member: MemberDetail; field: 'idNumber' | 'phone'; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealMember(member.id);
  const [value, setValue] = useState<string | null>(null);
  const label = t(`members.field.${field}`);
  return (
    <Modal
      open
      title={t('members.revealTitle', { field: label })}
      okText={value === null ? t('common.submit') : t('common.close')}
      cancelButtonProps={{ style: value === null ? undefined : { display: 'none' } }}
      cancelText={t('common.cancel')}
      confirmLoading={reveal.isPending}
      onOk={() => (value === null ? form.submit() : onClose())}
      onCancel={onClose}
      destroyOnHidden
    >
      {value === null ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              const r = await reveal.mutateAsync({ field, reason: v.reason.trim() });
              setValue(r.value ?? '—');
            } catch (error) {
              showError(error, errorPrefix);
            }
          }}
        >
          <Alert type="warning" showIcon title={t('members.revealHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="reason" label={t('members.field.reason')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      ) : (
        <div data-testid="revealed-value" style={{ fontSize: 20, fontFamily: 'monospace', userSelect: 'all' }}>
          {value}
        </div>
      )}
    </Modal>
  );
}
