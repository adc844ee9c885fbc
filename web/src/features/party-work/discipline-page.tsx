import { Alert, Button, Flex, Input, List, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { DisciplineRecordModal, FeedbackFormModal } from './discipline-forms';
import { useCoverage, useDisciplineRecords, useFeedback, useRecheck, type FeedbackItem } from './hooks';

function FeedbackTab() {
  const t = useT();
  const { can } = useAuth();
  const q = useFeedback(true);
  const recheck = useRecheck();
  const [target, setTarget] = useState<FeedbackItem | null>(null);
  const [reason, setReason] = useState('');
  const [creating, setCreating] = useState(false);
  const submit = async (reopen: boolean) => {
    if (!target) return;
    try {
      await recheck.mutateAsync({ id: target.id, reopen, reason });
      setTarget(null);
      setReason('');
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        {q.data ? <Typography.Text>{t('partyWork.discipline.feedbackSummary', q.data.summary)}</Typography.Text> : <span />}
        <Flex wrap gap={8}>
          {can('rectification.read') ? (
            <Link to="/rectifications">
              <Button>{t('partyWork.tours.ledger')}</Button>
            </Link>
          ) : null}
          {can('feedback.write') ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('partyWork.discipline.newFeedback')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {creating ? <FeedbackFormModal onClose={() => setCreating(false)} /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        renderItem={(f) => (
          <List.Item actions={can('feedback.recheck') && f.state === 'closed' ? [<Button key="r" size="small" onClick={() => setTarget(f)}>{t('partyWork.discipline.recheck')}</Button>] : undefined}>
            <List.Item.Meta
              title={f.problem}
              description={
                <>
                  <div>
                    {t('partyWork.discipline.measures')}：{f.measures}
                  </div>
                  <div>
                    {f.orgName} · {f.responsibleName} · {f.deadline}
                  </div>
                </>
              }
            />
            <Space>
              {f.state ? <Tag color={f.state === 'closed' ? 'green' : 'blue'}>{t(`partyWork.rect.${f.state}`)}</Tag> : null}
              {f.overdue ? <Tag color="red">{t('partyWork.tours.overdue')}</Tag> : null}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={target !== null}
        title={t('partyWork.discipline.recheck')}
        onCancel={() => setTarget(null)}
        footer={[
          <Button key="c" onClick={() => void submit(false)} disabled={reason.trim().length < 2}>
            {t('partyWork.discipline.confirm')}
          </Button>,
          <Button key="r" danger onClick={() => void submit(true)} disabled={reason.trim().length < 2}>
            {t('partyWork.discipline.reopen')}
          </Button>,
        ]}
      >
        <Input.TextArea rows={3} placeholder={t('partyWork.discipline.recheckReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

function RecordsTab() {
  const t = useT();
  const { can } = useAuth();
  const q = useDisciplineRecords(true);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Alert type="warning" showIcon message={t('partyWork.discipline.restricted')} style={{ marginBottom: 12 }} />
      {can('discipline.write') ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('partyWork.discipline.newRecord')}
          </Button>
        </Flex>
      ) : null}
      {creating ? <DisciplineRecordModal onClose={() => setCreating(false)} /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={q.isPending}
        scroll={{ x: true }}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('partyWork.discipline.member'), dataIndex: 'memberName' },
          { title: t('partyWork.discipline.org'), dataIndex: 'orgName' },
          { title: t('partyWork.discipline.date'), dataIndex: 'decidedOn' },
          { title: t('partyWork.discipline.kind'), dataIndex: 'kind', render: (k: string) => t(`partyWork.discipline.kind.${k}`) },
          { title: t('partyWork.discipline.outcome'), dataIndex: 'outcome' },
        ]}
      />
    </>
  );
}

function SupervisionTab() {
  const t = useT();
  const q = useCoverage(true);
  return (
    <>
      {q.data ? <Typography.Paragraph>{t('partyWork.discipline.covered', { covered: q.data.covered, total: q.data.total })}</Typography.Paragraph> : null}
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        renderItem={(u) => (
          <List.Item>
            <List.Item.Meta title={u.orgName} />
            {u.supervisorName ? <Tag color="green">{`${t('partyWork.discipline.supervisor')}：${u.supervisorName}`}</Tag> : <Tag color="red">{t('partyWork.discipline.none')}</Tag>}
          </List.Item>
        )}
      />
    </>
  );
}

export default function DisciplinePage() {
  const t = useT();
  const { can } = useAuth();
  const items = [
    ...(can('feedback.read') ? [{ key: 'feedback', label: t('partyWork.discipline.feedback'), children: <FeedbackTab /> }] : []),
    ...(can('discipline.read') ? [{ key: 'records', label: t('partyWork.discipline.records'), children: <RecordsTab /> }] : []),
    ...(can('supervision.read') ? [{ key: 'supervision', label: t('partyWork.discipline.supervision'), children: <SupervisionTab /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('partyWork.discipline')} subtitle={t('partyWork.discipline.subtitle')} />
      <Tabs items={items} destroyOnHidden />
    </>
  );
}
