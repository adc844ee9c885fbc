import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useMetricRecords, useStartExport } from './hooks';
import { PeriodControls } from './period-controls';
import { periodQueryString, usePeriodParams } from './use-period-params';
import './dashboard-print.css';

const DIRECT_EXPORT_MAX_ROWS = 10_000;

/** The records behind one figure, filtered by the same period and unit, exportable. */
export default function MetricRecordsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params, setParams] = usePeriodParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const records = useMetricRecords(id, { ...params, page, pageSize });
  const startExport = useStartExport();
  const data = records.data;

  const exportRecords = async () => {
    try {
      if ((data?.total ?? 0) > DIRECT_EXPORT_MAX_ROWS) {
        await startExport.mutateAsync({ ...params, target: `metric:${id}` });
        navigate('/ledgers');
        return;
      }
      await download(`/api/dashboard/metrics/${encodeURIComponent(id)}/records.xlsx?${periodQueryString(params)}`);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div>
      <PageHeader
        title={data ? t('dashboard.records.title', { name: data.metric.name }) : ''}
        subtitle={data ? `${data.metric.definition}（${t('dashboard.version', { version: data.metric.version })}，${data.period.label}）` : undefined}
        extra={
          <span className="gj-no-print" style={{ display: 'contents' }}>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/dashboard?${periodQueryString(params)}`)}>
              {t('dashboard.records.back')}
            </Button>
            <PeriodControls value={params} onChange={(p) => { setPage(1); setParams(p); }} />
            <Tooltip title={(data?.total ?? 0) > DIRECT_EXPORT_MAX_ROWS ? t('dashboard.records.exportJob') : undefined}>
              <Button icon={<DownloadOutlined />} onClick={() => void exportRecords()} disabled={!data}>
                {t('dashboard.records.export')}
              </Button>
            </Tooltip>
          </span>
        }
      />
      <ErrorAlert error={records.error} style={{ marginBottom: 16 }} />
      {data ? (
        <Typography.Paragraph data-testid="records-total">{t('dashboard.records.total', { total: data.total })}</Typography.Paragraph>
      ) : null}
      <Table
        size="small"
        rowKey={(r) => String(r.id ?? JSON.stringify(r))}
        loading={records.isLoading}
        scroll={{ x: 'max-content' }}
        columns={(data?.columns ?? []).map((c) => ({ key: c.key, dataIndex: c.key, title: c.title, render: (v: unknown) => (typeof v === 'boolean' ? (v ? '是' : '否') : (v as string | number | null)) }))}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => { setPage(p); setPageSize(s); } }}
      />
    </div>
  );
}
