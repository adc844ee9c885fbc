import { Button, Card, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useUnassignOrg } from './form-hooks';
import { useInstructor, useInstructors, type InstructorDetail } from './hooks';
import { AssignOrgModal, InstructorFormModal, TrainingFormModal } from './instructor-forms';

function GuidedOrgs({ detail, writable }: { detail: InstructorDetail; writable: boolean }) {
  const t = useT();
  const unassign = useUnassignOrg();
  return (
    <List
      grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3 }}
      dataSource={detail.orgs}
      renderItem={(o) => (
        <List.Item>
          <Card
            size="small"
            title={o.orgName}
            extra={
              writable ? (
                <Popconfirm title={t('partyWork.instructors.unassignConfirm', { org: o.orgName })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => unassign.mutateAsync({ id: detail.id, orgId: o.orgId }).catch(showError)}>
                  <Button size="small" type="link" danger>
                    {t('partyWork.instructors.unassign')}
                  </Button>
                </Popconfirm>
              ) : null
            }
          >
            <Space wrap>
              <Tag>{t('partyWork.instructors.members', { count: o.memberCount })}</Tag>
              {o.centreMeetsStandard === null ? null : o.centreMeetsStandard ? <Tag color="green">{t('partyWork.instructors.centreOk')}</Tag> : <Tag color="red">{t('partyWork.instructors.centreNo')}</Tag>}
              <Tag color={o.openFindings ? 'orange' : 'default'}>{t('partyWork.instructors.openFindings', { count: o.openFindings })}</Tag>
              {o.overdueFindings ? <Tag color="red">{t('partyWork.instructors.overdueFindings', { count: o.overdueFindings })}</Tag> : null}
              {o.lastTourScore !== null ? <Tag color="blue">{t('partyWork.instructors.lastScore', { score: o.lastTourScore })}</Tag> : null}
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit' | 'training' | 'assign'; detail: InstructorDetail };

export default function InstructorsPage() {
  const t = useT();
  const { me, can } = useAuth();
  const isInstructor = me?.user.roles.includes('instructor') ?? false;
  const writable = can('instructor.write');
  const [selected, setSelected] = useState<string | null>(isInstructor ? 'me' : null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useInstructors();
  const detail = useInstructor(selected);
  const d = detail.data;
  return (
    <>
      <PageHeader
        title={t('partyWork.instructors')}
        subtitle={t('partyWork.instructors.subtitle')}
        extra={
          writable ? (
            <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
              {t('partyWork.instructors.create')}
            </Button>
          ) : null
        }
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {d ? (
        <Card
          title={
            <Space wrap>
              {selected === 'me' ? t('partyWork.instructors.mine') : d.name}
              {d.status === 'left' ? <Tag>{t('partyWork.instructors.status.left')}</Tag> : null}
            </Space>
          }
          style={{ marginBottom: 16 }}
        >
          {writable ? (
            <Flex wrap gap={8} style={{ marginBottom: 12 }}>
              <Button onClick={() => setDialog({ kind: 'edit', detail: d })}>{t('partyWork.form.edit')}</Button>
              <Button onClick={() => setDialog({ kind: 'training', detail: d })}>{t('partyWork.instructors.addTraining')}</Button>
              <Button onClick={() => setDialog({ kind: 'assign', detail: d })}>{t('partyWork.instructors.assign')}</Button>
            </Flex>
          ) : null}
          <GuidedOrgs detail={d} writable={writable} />
          <Typography.Title level={5}>{t('partyWork.instructors.trainings')}</Typography.Title>
          <List
            size="small"
            dataSource={d.trainings}
            renderItem={(x) => (
              <List.Item>
                <Space wrap size={4}>
                  <Tag>{t(`partyWork.instructors.kind.${x.kind}`)}</Tag>
                  {`${x.heldOn} ${x.title}（${t('partyWork.instructors.hours', { hours: x.hours })}）`}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <List
        loading={list.isPending}
        grid={{ gutter: 12, xs: 1, sm: 2, md: 3, lg: 4 }}
        dataSource={list.data?.items ?? []}
        renderItem={(i) => (
          <List.Item>
            <Card size="small" hoverable onClick={() => setSelected(i.id)} title={i.name} extra={i.status === 'left' ? <Tag>{t('partyWork.instructors.status.left')}</Tag> : null}>
              <div>{t('partyWork.instructors.orgs', { count: i.orgCount })}</div>
              <Typography.Text type="secondary">{t('partyWork.instructors.hours', { hours: i.trainingHours })}</Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      {dialog?.kind === 'create' ? <InstructorFormModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <InstructorFormModal instructor={dialog.detail} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'training' ? <TrainingFormModal instructor={dialog.detail} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'assign' ? <AssignOrgModal instructor={dialog.detail} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
