import { CloudDownloadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, List, Progress, Table, Tag } from 'antd';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useExportJobs, useLedgers, useStartExport, type ExportJob } from './hooks';
import { PeriodControls } from './period-controls';
import { usePeriodParams } from './use-period-params';
import './dashboard-print.css';

const stateColor = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

function JobRow({ job }: { job: ExportJob }) {
  const t = useT();
  const percent = job.state === 'done' ? 100 : job.rowsTotal ? Math.min(99, Math.floor((job.rowsDone * 100) / job.rowsTotal)) : 0;
  return (
    <List.Item
      actions={
        job.downloadUrl
          ? [
              <Button key="get" size="small" icon={<DownloadOutlined />} onClick={() => void download(job.downloadUrl ?? '').catch((e: unknown) => showError(e))}>
                {t('dashboard.ledgers.fetch')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <>
            {job.fileName} <Tag color={stateColor[job.state]}>{t(`dashboard.ledgers.state.${job.state}`)}</Tag>
          </>
        }
        description={
          <>
            <Progress percent={percent} size="small" status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'} />
            {t('dashboard.ledgers.rows', { done: job.rowsDone, total: job.rowsTotal ?? '?' })}
            {job.error ? ` · ${job.error}` : ''}
          </>
        }
      />
    </List.Item>
  );
}

/** One place to export every module's ledger, singly or the whole set as one workbook. */
export default function LedgersPage() {
  const t = useT();
  const [params, setParams] = usePeriodParams();
  const ledgers = useLedgers();
  const jobs = useExportJobs();
  const start = useStartExport();
  return (
    <div>
      <PageHeader
        title={t('dashboard.ledgers.title')}
        subtitle={t('dashboard.ledgers.subtitle')}
        extra={
          <span className="gj-no-print" style={{ display: 'contents' }}>
            <PeriodControls value={params} onChange={setParams} />
            <Button type="primary" icon={<CloudDownloadOutlined />} loading={start.isPending} onClick={() => start.mutate({ target: 'all', period: params.period }, { onError: (e) => showError(e) })}>
              {t('dashboard.ledgers.exportAll')}
            </Button>
          </span>
        }
      />
      <ErrorAlert error={ledgers.error} style={{ marginBottom: 16 }} />
      {(jobs.data?.items.length ?? 0) > 0 ? (
        <Card size="small" title={t('dashboard.ledgers.jobs')} style={{ marginBottom: 16 }} className="gj-no-print">
          <List dataSource={jobs.data?.items ?? []} renderItem={(j) => <JobRow job={j} />} />
        </Card>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={ledgers.isLoading}
        pagination={false}
        dataSource={ledgers.data?.items ?? []}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('dashboard.ledgers.name') },
          { key: 'module', dataIndex: 'module', title: t('dashboard.ledgers.module'), responsive: ['md'] },
          {
            key: 'actions',
            title: '',
            align: 'right',
            render: (_: unknown, l: { id: string }) => (
              <Button size="small" icon={<DownloadOutlined />} onClick={() => start.mutate({ target: l.id, period: params.period }, { onError: (e) => showError(e) })}>
                {t('dashboard.ledgers.download')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
