import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { isApiError } from '../../ui/api';
import { todayInShanghai } from '../../ui/format';
import { handleFormError } from '../../ui/error-alert';
import type { Milestone, Phase } from './hooks';
import { useShowRefusal } from './resettlement-forms';
import {
  useAddResettlementHousehold,
  useAllocateUnit,
  useCreateBuilding,
  useMoveBack,
  usePhaseHouseholds,
  usePhaseUnits,
  useSignUnit,
  useUpdateMilestone,
  useVillageHouseholds,
  type PhaseUnit,
  type ResettlementHousehold,
} from './resettlement-hooks';

function milestoneTag(m: Milestone, t: (k: string) => string) {
  if (m.late) return <Tag color="red">{t('livelihood.rs.late')}</Tag>;
  if (m.completedOn) return <Tag color="green">{t('livelihood.rs.done')}</Tag>;
  if (m.startedOn) return <Tag color="blue">{t('livelihood.rs.inProgress')}</Tag>;
  return <Tag>{t('livelihood.rs.notStarted')}</Tag>;
}

interface MilestoneValues {
  plannedOn: string;
  startedOn: string;
  completedOn: string;
  note: string;
}

function MilestoneModal({ milestone, onClose }: { milestone: Milestone; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<MilestoneValues>();
  const update = useUpdateMilestone();
  const submit = async (v: MilestoneValues) => {
    try {
      await update.mutateAsync({ id: milestone.id, plannedOn: v.plannedOn || null, startedOn: v.startedOn || null, completedOn: v.completedOn || null, note: v.note ?? '' });
      onClose();
    } catch (error) {
      handleFormError(form, error);
    }
  };
  return (
    <Modal open title={t('livelihood.rs.milestoneTitle', { label: t(`livelihood.ms.${milestone.kind}`) })} onCancel={onClose} onOk={() => form.submit()} okText={t('livelihood.save')} cancelText={t('livelihood.cancel')} confirmLoading={update.isPending} destroyOnHidden>
      <Form<MilestoneValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ plannedOn: milestone.plannedOn ?? '', startedOn: milestone.startedOn ?? '', completedOn: milestone.completedOn ?? '', note: '' }}
      >
        <Form.Item name="plannedOn" label={t('livelihood.rs.planned')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="startedOn" label={t('livelihood.rs.started')}>
          <Input type="date" max={todayInShanghai()} />
        </Form.Item>
        <Form.Item name="completedOn" label={t('livelihood.rs.completed')}>
          <Input type="date" max={todayInShanghai()} />
        </Form.Item>
        <Form.Item name="note" label={t('livelihood.rs.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Plan against actual for each milestone; late ones flagged red (the flag comes from the server). */
function Timeline({ phase, canWrite }: { phase: Phase; canWrite: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Milestone | null>(null);
  const late = phase.milestones.filter((m) => m.late).length;
  return (
    <>
      {late > 0 ? <Typography.Text type="danger">{t('livelihood.rs.lateCount', { n: late })}</Typography.Text> : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={phase.milestones}
        onRow={(m) => ({ 'data-testid': `milestone-${m.kind}` }) as object}
        columns={[
          { title: '', key: 'label', render: (_: unknown, m: Milestone) => t(`livelihood.ms.${m.kind}`) },
          { title: t('livelihood.rs.planned'), dataIndex: 'plannedOn' },
          { title: t('livelihood.rs.started'), dataIndex: 'startedOn' },
          { title: t('livelihood.rs.completed'), dataIndex: 'completedOn' },
          { title: t('livelihood.state'), key: 'tag', render: (_: unknown, m: Milestone) => milestoneTag(m, t) },
          ...(canWrite ? [{ title: '', key: 'edit', render: (_: unknown, m: Milestone) => <Button size="small" onClick={() => setEditing(m)}>{t('livelihood.rs.editMilestone')}</Button> }] : []),
        ]}
      />
      {editing ? <MilestoneModal milestone={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

/** Asks for a date (default today) and runs the action. */
function DateAction({ label, testId, onRun }: { label: string; testId: string; onRun: (date: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayInShanghai());
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button size="small" data-testid={testId} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open ? (
        <Modal
          open
          title={label}
          okText={t('livelihood.save')}
          cancelText={t('livelihood.cancel')}
          confirmLoading={busy}
          onCancel={() => setOpen(false)}
          onOk={() => {
            setBusy(true);
            onRun(date)
              .then(() => setOpen(false))
              .finally(() => setBusy(false));
          }}
        >
          <Input type="date" aria-label={t('livelihood.date')} value={date} onChange={(e) => setDate(e.target.value)} />
        </Modal>
      ) : null}
    </>
  );
}

interface HouseholdValues {
  householdId?: string;
  headName?: string;
  size: number;
  entitledUnits: number;
}

function AddHouseholdForm({ phaseId, orgId }: { phaseId: string; orgId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdValues>();
  const [search, setSearch] = useState('');
  const village = useVillageHouseholds(orgId, search);
  const add = useAddResettlementHousehold(phaseId);
  const showRefusal = useShowRefusal();
  const submit = async (v: HouseholdValues) => {
    try {
      await add.mutateAsync({ householdId: v.householdId || undefined, headName: v.headName?.trim() || undefined, size: v.size, entitledUnits: v.entitledUnits });
      void message.success(t('livelihood.rs.saved'));
      form.resetFields();
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION') handleFormError(form, error);
      else showRefusal(error);
    }
  };
  return (
    <Card size="small" title={t('livelihood.rs.addHousehold')}>
      <Form<HouseholdValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ size: 1, entitledUnits: 1 }}>
        <Form.Item name="householdId" label={t('livelihood.rs.pickHousehold')}>
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={setSearch}
            loading={village.isFetching}
            options={(village.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.headName}（${h.address}）` }))}
            onChange={(id?: string) => {
              const h = village.data?.items.find((x) => x.id === id);
              if (h) form.setFieldsValue({ size: h.size });
            }}
          />
        </Form.Item>
        <Form.Item name="headName" label={t('livelihood.rs.orHeadName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="size" label={t('livelihood.rs.size')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} precision={0} />
          </Form.Item>
          <Form.Item name="entitledUnits" label={t('livelihood.rs.entitled')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10} precision={0} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="household-add">
          {t('livelihood.rs.addHousehold')}
        </Button>
      </Form>
    </Card>
  );
}

function Households({ phaseId, orgId, canWrite }: { phaseId: string; orgId: string; canWrite: boolean }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = usePhaseHouseholds(phaseId, page);
  const moveBack = useMoveBack();
  const showRefusal = useShowRefusal();
  return (
    <Flex vertical gap={12}>
      <Table<ResettlementHousehold>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        onRow={(h) => ({ 'data-testid': 'resettlement-household', 'data-name': h.headName }) as object}
        columns={[
          { title: t('livelihood.rs.headName'), dataIndex: 'headName' },
          { title: t('livelihood.rs.size'), dataIndex: 'size' },
          { title: t('livelihood.rs.entitled'), dataIndex: 'entitledUnits' },
          { title: t('livelihood.rs.allocatedUnits'), key: 'units', render: (_: unknown, h: ResettlementHousehold) => h.units.map((u) => `${u.building}-${u.label}`).join('、') },
          { title: t('livelihood.rs.movedBackOn'), dataIndex: 'movedBackOn' },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, h: ResettlementHousehold) =>
                    h.movedBackOn ? null : (
                      <DateAction label={t('livelihood.rs.moveBack')} testId="move-back" onRun={(date) => moveBack.mutateAsync({ householdId: h.id, date }).catch(showRefusal)} />
                    ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? <AddHouseholdForm phaseId={phaseId} orgId={orgId} /> : null}
    </Flex>
  );
}

interface BuildingValues {
  name: string;
  floors: number;
  perFloor: number;
  unitAreaM2: number;
}

function AddBuildingForm({ phaseId }: { phaseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BuildingValues>();
  const add = useCreateBuilding(phaseId);
  const floors = Form.useWatch('floors', form) ?? 0;
  const perFloor = Form.useWatch('perFloor', form) ?? 0;
  const submit = async (v: BuildingValues) => {
    try {
      await add.mutateAsync({ name: v.name, floors: v.floors, unitCount: v.floors * v.perFloor, unitAreaM2: v.unitAreaM2 });
      void message.success(t('livelihood.rs.saved'));
      form.resetFields();
    } catch (error) {
      handleFormError(form, error);
    }
  };
  return (
    <Card size="small" title={t('livelihood.rs.addBuilding')}>
      <Form<BuildingValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ floors: 6, perFloor: 2, unitAreaM2: 110 }}>
        <Form.Item name="name" label={t('livelihood.rs.buildingName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="floors" label={t('livelihood.rs.floors')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="perFloor" label={t('livelihood.rs.perFloor')} rules={[{ required: true }]}>
            <InputNumber min={1} max={20} precision={0} />
          </Form.Item>
          <Form.Item name="unitAreaM2" label={t('livelihood.rs.unitArea')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
        </Flex>
        <Flex align="center" gap={12}>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="building-add">
            {t('livelihood.rs.addBuilding')}
          </Button>
          <Typography.Text type="secondary">{t('livelihood.rs.unitsTotal', { n: floors * perFloor })}</Typography.Text>
        </Flex>
      </Form>
    </Card>
  );
}

function AllocateAction({ unit, phaseId }: { unit: PhaseUnit; phaseId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [householdId, setHouseholdId] = useState<string | undefined>();
  const [date, setDate] = useState(todayInShanghai());
  const households = usePhaseHouseholds(phaseId, 1, 200);
  const allocate = useAllocateUnit();
  const showRefusal = useShowRefusal();
  return (
    <>
      <Button size="small" type="primary" data-testid="allocate" onClick={() => setOpen(true)}>
        {t('livelihood.rs.allocate')}
      </Button>
      {open ? (
        <Modal
          open
          title={`${t('livelihood.rs.allocate')} ${unit.building}-${unit.label}`}
          okText={t('livelihood.save')}
          cancelText={t('livelihood.cancel')}
          okButtonProps={{ disabled: !householdId }}
          confirmLoading={allocate.isPending}
          onCancel={() => setOpen(false)}
          onOk={() => {
            if (!householdId) return;
            allocate
              .mutateAsync({ unitId: unit.id, resettlementHouseholdId: householdId, date })
              .then(() => setOpen(false))
              .catch(showRefusal);
          }}
        >
          <Flex vertical gap={12}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('livelihood.rs.allocatedTo')}
              data-testid="allocate-household"
              value={householdId}
              onChange={setHouseholdId}
              options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.headName}（${h.units.length}/${h.entitledUnits}）` }))}
            />
            <Input type="date" aria-label={t('livelihood.rs.allocatedOn')} value={date} onChange={(e) => setDate(e.target.value)} />
          </Flex>
        </Modal>
      ) : null}
    </>
  );
}

function Units({ phase, canWrite }: { phase: Phase; canWrite: boolean }) {
  const { t } = useI18n();
  const units = usePhaseUnits(phase.id);
  const households = usePhaseHouseholds(phase.id, 1, 200);
  const sign = useSignUnit();
  const showRefusal = useShowRefusal();
  const names = new Map((households.data?.items ?? []).map((h) => [h.id, h.headName]));
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{phase.buildings.map((b) => `${b.name}：${b.floors}层 ${b.units}套`).join('；')}</Typography.Text>
      <Table<PhaseUnit>
        size="small"
        rowKey="id"
        loading={units.isLoading}
        scroll={{ x: 'max-content' }}
        dataSource={units.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(u) => ({ 'data-testid': 'housing-unit', 'data-label': `${u.building}-${u.label}` }) as object}
        columns={[
          { title: t('livelihood.rs.buildingName'), dataIndex: 'building' },
          { title: t('livelihood.rs.unit'), dataIndex: 'label' },
          { title: t('livelihood.rs.area'), dataIndex: 'areaM2' },
          { title: t('livelihood.rs.allocatedTo'), key: 'to', render: (_: unknown, u: PhaseUnit) => (u.allocatedTo ? names.get(u.allocatedTo) ?? '' : <Tag>{t('livelihood.rs.free')}</Tag>) },
          { title: t('livelihood.rs.signedOn'), dataIndex: 'contractSignedOn' },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, u: PhaseUnit) =>
                    !u.allocatedTo ? (
                      <AllocateAction unit={u} phaseId={phase.id} />
                    ) : u.contractSignedOn ? null : (
                      <DateAction label={t('livelihood.rs.sign')} testId="sign" onRun={(date) => sign.mutateAsync({ unitId: u.id, date }).catch(showRefusal)} />
                    ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? <AddBuildingForm phaseId={phase.id} /> : null}
    </Flex>
  );
}

/** One phase: milestones (plan vs actual), households to resettle, buildings and units with allocation. */
export function PhasePanel({ phase, orgId }: { phase: Phase; orgId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('resettlement.write');
  return (
    <Tabs
      size="small"
      items={[
        { key: 'timeline', label: t('livelihood.rs.tab.timeline'), children: <Timeline phase={phase} canWrite={canWrite} /> },
        { key: 'households', label: t('livelihood.rs.tab.households'), children: <Households phaseId={phase.id} orgId={orgId} canWrite={canWrite} /> },
        { key: 'units', label: t('livelihood.rs.tab.units'), children: <Units phase={phase} canWrite={canWrite} /> },
      ]}
    />
  );
}
