import { PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useCreateSnapshot, useReport, useSnapshots, type ReportItem } from './hooks';
import { PeriodControls } from './period-controls';
import { usePeriodParams } from './use-period-params';
import './dashboard-print.css';

/** The report's printed figures, each beside the number computed from records. */
export default function ReportPage() {
  const t = useT();
  const { message } = App.useApp();
  const [params, setParams] = usePeriodParams();
  const report = useReport(params);
  const snapshots = useSnapshots();
  const save = useCreateSnapshot();
  const onSave = async () => {
    try {
      await save.mutateAsync({ ...params, title: t('dashboard.report.snapshotTitle', { period: report.data?.period.label ?? '' }) });
      void message.success(t('dashboard.report.saved'));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div>
      <PageHeader
        title={t('dashboard.report.title')}
        subtitle={report.data ? `${report.data.org.name} · ${report.data.period.label}` : undefined}
        extra={
          <span className="gj-no-print" style={{ display: 'contents' }}>
            <PeriodControls value={params} onChange={setParams} />
            <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void onSave()}>
              {t('dashboard.report.save')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('dashboard.print')}
            </Button>
          </span>
        }
      />
      <ErrorAlert error={report.error} style={{ marginBottom: 16 }} />
      <Table<ReportItem>
        className="gj-print-block"
        size="small"
        rowKey="id"
        loading={report.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={report.data?.items ?? []}
        columns={[
          { key: 'group', dataIndex: 'group', title: t('dashboard.metric'), render: (_: unknown, r) => <span title={r.definition}>{r.group} · {r.name}</span> },
          { key: 'reportedText', dataIndex: 'reportedText', title: t('dashboard.report.reportedText') },
          { key: 'reported', dataIndex: 'reportedValue', title: t('dashboard.report.reported'), align: 'right', render: (v: number, r) => `${v.toLocaleString('zh-CN')}${r.unit}` },
          { key: 'computed', dataIndex: 'computed', title: t('dashboard.report.computed'), align: 'right', render: (v: number | null, r) => (v === null ? '—' : <strong data-testid={`computed-${r.id}`}>{`${v.toLocaleString('zh-CN')}${r.unit}`}</strong>) },
          {
            key: 'diff',
            title: t('dashboard.report.diff'),
            align: 'right',
            render: (_: unknown, r) => {
              if (r.computed === null) return '—';
              const d = r.computed - r.reportedValue;
              return <Tag color={d >= 0 ? 'green' : 'orange'}>{d >= 0 ? `+${d}` : d}</Tag>;
            },
          },
          { key: 'version', dataIndex: 'version', title: 'v', render: (v: number) => t('dashboard.version', { version: v }) },
        ]}
      />
      <Card size="small" title={t('dashboard.report.snapshots')} style={{ marginTop: 16 }} className="gj-no-print">
        <List
          dataSource={snapshots.data?.items ?? []}
          renderItem={(s) => (
            <List.Item>
              <Typography.Text>
                {s.title} · {s.orgName} · {new Date(s.createdAt).toLocaleString('zh-CN', { hour12: false })}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
