import { Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useInstructor, useInstructors, type InstructorDetail } from './hooks';

function GuidedOrgs({ detail }: { detail: InstructorDetail }) {
  const t = useT();
  return (
    <List
      grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3 }}
      dataSource={detail.orgs}
      renderItem={(o) => (
        <List.Item>
          <Card size="small" title={o.orgName}>
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

export default function InstructorsPage() {
  const t = useT();
  const { me } = useAuth();
  const isInstructor = me?.user.roles.includes('instructor') ?? false;
  const [selected, setSelected] = useState<string | null>(isInstructor ? 'me' : null);
  const list = useInstructors();
  const detail = useInstructor(selected);
  return (
    <>
      <PageHeader title={t('partyWork.instructors')} subtitle={t('partyWork.instructors.subtitle')} />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {detail.data ? (
        <Card title={selected === 'me' ? t('partyWork.instructors.mine') : detail.data.name} style={{ marginBottom: 16 }}>
          <GuidedOrgs detail={detail.data} />
          <Typography.Title level={5}>{t('partyWork.instructors.trainings')}</Typography.Title>
          <List size="small" dataSource={detail.data.trainings} renderItem={(x) => <List.Item>{`${x.heldOn} ${x.title}（${x.hours}）`}</List.Item>} />
        </Card>
      ) : null}
      <List
        loading={list.isPending}
        grid={{ gutter: 12, xs: 1, sm: 2, md: 3, lg: 4 }}
        dataSource={list.data?.items ?? []}
        renderItem={(i) => (
          <List.Item>
            <Card size="small" hoverable onClick={() => setSelected(i.id)} title={i.name}>
              <div>{t('partyWork.instructors.orgs', { count: i.orgCount })}</div>
              <Typography.Text type="secondary">{t('partyWork.instructors.hours', { hours: i.trainingHours })}</Typography.Text>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
