import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { percentText, useProject } from './hooks';
import { RateCards } from './resettlement-page';
import { ProjectFormModal, useShowRefusal } from './resettlement-forms';
import { fenToYuan, milestoneKinds, useCreatePhase, type MilestoneKind } from './resettlement-hooks';
import { PhasePanel } from './resettlement-phase';

type PhaseValues = { name: string } & Partial<Record<MilestoneKind, string>>;

function AddPhaseModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PhaseValues>();
  const create = useCreatePhase(projectId);
  const showRefusal = useShowRefusal();
  const submit = async (v: PhaseValues) => {
    const plannedDates: Partial<Record<MilestoneKind, string>> = {};
    for (const k of milestoneKinds) {
      const d = v[k];
      if (d) plannedDates[k] = d;
    }
    try {
      await create.mutateAsync({ name: v.name, plannedDates });
      void message.success(t('livelihood.rs.saved'));
      onClose();
    } catch (error) {
      handleFormError(form, error);
      showRefusal(error);
    }
  };
  return (
    <Modal open title={t('livelihood.rs.addPhase')} onCancel={onClose} onOk={() => form.submit()} okText={t('livelihood.save')} cancelText={t('livelihood.cancel')} confirmLoading={create.isPending} destroyOnHidden>
      <Form<PhaseValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('livelihood.rs.phaseName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Text strong>{t('livelihood.rs.planned')}</Typography.Text>
        {milestoneKinds.map((k) => (
          <Form.Item key={k} name={k} label={t(`livelihood.ms.${k}`)} style={{ marginBottom: 8 }}>
            <Input type="date" />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** One project: its three rates (from the API), details, and per phase the timeline, households and units. */
export default function ResettlementProjectPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const detail = useProject(id);
  const [editing, setEditing] = useState(false);
  const [addingPhase, setAddingPhase] = useState(false);
  const p = detail.data;
  const canWrite = can('resettlement.write');
  return (
    <div>
      <PageHeader
        title={p?.name ?? ''}
        subtitle={p ? `${p.orgName} · ${t(`livelihood.rs.kind.${p.kind}`)}` : undefined}
        extra={
          <>
            <Link to="/resettlement">{t('livelihood.rs.back')}</Link>
            {p && canWrite ? (
              <Button onClick={() => setEditing(true)} data-testid="project-edit">
                {t('livelihood.rs.editProject')}
              </Button>
            ) : null}
            {p && canWrite && p.kind === 'resettlement' ? (
              <Button type="primary" onClick={() => setAddingPhase(true)} data-testid="phase-add">
                {t('livelihood.rs.addPhase')}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={detail.error} />
      {p ? (
        <Flex vertical gap={12}>
          {p.kind === 'resettlement' ? <RateCards rates={p.rates} /> : null}
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 3 }}
              items={[
                { key: 'inv', label: t('livelihood.rs.investmentYuan'), children: <span data-testid="project-investment">{fenToYuan(p.investmentFen).toLocaleString('zh-CN')}</span> },
                { key: 'audit', label: t('livelihood.rs.auditState'), children: <Tag color={p.auditState === 'audited' ? 'green' : undefined}>{t(`livelihood.rs.audit.${p.auditState}`)}</Tag> },
                ...(p.auditedFen === null ? [] : [{ key: 'audited', label: t('livelihood.rs.auditedYuan'), children: fenToYuan(p.auditedFen).toLocaleString('zh-CN') }]),
                ...(p.landAreaM2 === null ? [] : [{ key: 'land', label: t('livelihood.rs.landArea'), children: p.landAreaM2 }]),
                ...(p.floorAreaM2 === null ? [] : [{ key: 'floor', label: t('livelihood.rs.floorArea'), children: p.floorAreaM2 }]),
                ...(p.kind === 'upgrade' ? [{ key: 'done', label: t('livelihood.rs.completedAreaM2'), children: p.completedAreaM2 }, { key: 'sites', label: t('livelihood.rs.sites'), children: p.sites.join('、') }] : []),
                ...(p.note ? [{ key: 'note', label: t('livelihood.rs.note'), children: p.note }] : []),
              ]}
            />
          </Card>
          {p.kind === 'resettlement' ? (
            p.phases.length === 0 ? (
              <Empty description={t('livelihood.rs.noPhases')} />
            ) : (
              <Card size="small">
                <Tabs
                  items={p.phases.map((ph) => ({
                    key: ph.id,
                    label: `${ph.name}（${percentText(ph.rates.startRate)}）`,
                    children: <PhasePanel phase={ph} orgId={p.orgId} />,
                  }))}
                />
              </Card>
            )
          ) : null}
        </Flex>
      ) : null}
      {p ? <ProjectFormModal open={editing} project={p} onClose={() => setEditing(false)} /> : null}
      {addingPhase ? <AddPhaseModal projectId={id} onClose={() => setAddingPhase(false)} /> : null}
    </div>
  );
}
