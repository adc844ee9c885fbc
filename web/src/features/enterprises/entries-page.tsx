import { App, Button, Checkbox, Flex, Input, Modal, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import type { EntryApplication } from './enterprises';
import { entriesEndpoint, useDecideEntry, useReviewEntry } from './hooks';

const stateColor = { submitted: 'default', under_review: 'blue', approved: 'green', refused: 'red' } as const;

export default function EntriesPage() {
  const t = useT();
  const { can } = useAuth();
  const [open, setOpen] = useState<EntryApplication | null>(null);
  const columns = useMemo<TableColumnsType<EntryApplication>>(
    () => [
      { title: t('enterprises.env.entry.applicant'), dataIndex: 'applicantName' },
      { title: t('enterprises.env.entry.industry'), dataIndex: 'industry' },
      { title: t('enterprises.field.org'), dataIndex: 'orgName' },
      { title: t('enterprises.env.entry.submittedOn'), dataIndex: 'submittedOn' },
      { title: t('enterprises.env.field.state'), dataIndex: 'state', render: (s: EntryApplication['state']) => <Tag color={stateColor[s]}>{t(`enterprises.env.entry.state.${s}`)}</Tag> },
      { title: t('enterprises.env.entry.reason'), dataIndex: 'decisionReason' },
      {
        title: '',
        key: 'act',
        render: (_: unknown, e) =>
          can('environment.entry.review') && (e.state === 'submitted' || e.state === 'under_review') ? (
            <Button size="small" onClick={() => setOpen(e)}>
              {t('enterprises.env.entry.review')}
            </Button>
          ) : null,
      },
    ],
    [t, can],
  );
  return (
    <div>
      <PageHeader title={t('enterprises.env.entries')} subtitle={t('enterprises.env.entries.subtitle')} />
      <ResourceTable<EntryApplication> endpoint={entriesEndpoint} columns={columns} rowKey="id" />
      {open ? <ReviewDialog entry={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function ReviewDialog({ entry, onClose }: { entry: EntryApplication; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const review = useReviewEntry();
  const decide = useDecideEntry();
  const [conds, setConds] = useState({ industryOk: entry.industryOk ?? false, planningOk: entry.planningOk ?? false, environmentOk: entry.environmentOk ?? false });
  const [reason, setReason] = useState('');
  const act = async (decision: 'approve' | 'refuse') => {
    try {
      await review.mutateAsync({ id: entry.id, body: conds });
      await decide.mutateAsync({ id: entry.id, body: { decision, reason: reason || undefined } });
      message.success(t('enterprises.env.done'));
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal open title={entry.applicantName} onCancel={onClose} footer={null}>
      <Flex vertical gap={8}>
        {(['industryOk', 'planningOk', 'environmentOk'] as const).map((k) => (
          <Checkbox key={k} checked={conds[k]} onChange={(e) => setConds({ ...conds, [k]: e.target.checked })}>
            {t(`enterprises.env.entry.${k}`)}
          </Checkbox>
        ))}
        <Input.TextArea rows={2} placeholder={t('enterprises.env.entry.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Flex gap={8} justify="end">
          <Button danger onClick={() => act('refuse')} loading={decide.isPending}>
            {t('enterprises.env.entry.refuse')}
          </Button>
          <Button type="primary" onClick={() => act('approve')} loading={decide.isPending}>
            {t('enterprises.env.entry.approve')}
          </Button>
        </Flex>
      </Flex>
    </Modal>
  );
}
