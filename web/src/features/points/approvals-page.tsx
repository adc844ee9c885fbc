import { App, Button, Card, Checkbox, Input, List, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useDecide, usePendingClaims, type Claim } from './hooks';

/** The branch secretary's queue: approve or reject one by one or in bulk. */
export default function ApprovalsPage() {
  const t = useT();
  const { message } = App.useApp();
  const pending = usePendingClaims();
  const decide = useDecide();
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const isMobile = useIsMobile();
  const actions = (c: Claim) => (
    <Space>
      <Button size="small" type="link" onClick={() => run([c.id], 'approve')} data-testid={`approve-${c.id}`}>
        {t('points.approve')}
      </Button>
      <Button size="small" type="link" danger onClick={() => setRejecting(c.id)}>
        {t('points.reject')}
      </Button>
    </Space>
  );

  const run = async (ids: string[], decision: 'approve' | 'reject', why?: string) => {
    try {
      const r = await decide.mutateAsync({ ids, decision, reason: why });
      if (r.overCap.length > 0) message.warning(t('points.overCap', { n: r.overCap.length }));
      else message.success(t(decision === 'approve' ? 'points.approved' : 'points.rejected'));
      setSelected([]);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('points.approvals')}
        extra={
          <Button type="primary" disabled={selected.length === 0} onClick={() => run(selected, 'approve')} data-testid="approve-selected">
            {t('points.approveSelected')} ({selected.length})
          </Button>
        }
      />
      <ErrorAlert error={pending.error} />
      {isMobile ? (
        <List
          loading={pending.isLoading}
          dataSource={pending.data?.items ?? []}
          locale={{ emptyText: t('points.queueEmpty') }}
          renderItem={(c) => (
            <List.Item>
              <Card size="small" style={{ width: '100%' }} title={<Checkbox checked={selected.includes(c.id)} onChange={(e) => setSelected((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))}>{`${c.memberName} · ${c.categoryLabel}`}</Checkbox>} extra={c.points}>
                <Typography.Text type="secondary">{`${c.occurredOn} ${c.householdAddress ?? ''}`}</Typography.Text>
                <div>{c.summary}</div>
                {actions(c)}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Claim>
          rowKey="id"
          size="small"
          scroll={{ x: 720 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          loading={pending.isLoading}
          dataSource={pending.data?.items ?? []}
          locale={{ emptyText: t('points.queueEmpty') }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          columns={[
            { title: t('points.date'), dataIndex: 'occurredOn', width: 100 },
            { title: t('points.member'), dataIndex: 'memberName', width: 90 },
            { title: t('points.field.category'), dataIndex: 'categoryLabel', width: 90 },
            { title: t('points.field.household'), dataIndex: 'householdAddress' },
            { title: t('points.field.summary'), dataIndex: 'summary' },
            { title: t('points.points'), dataIndex: 'points', width: 60 },
            {
              title: '',
              key: 'actions',
              width: 140,
              render: (_, c) => actions(c),
            },
          ]}
        />
      )}
      <Modal
        open={rejecting !== null}
        title={t('points.reject')}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          if (rejecting) await run([rejecting], 'reject', reason.trim());
          setRejecting(null);
          setReason('');
        }}
      >
        <Input.TextArea placeholder={t('points.field.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </div>
  );
}
