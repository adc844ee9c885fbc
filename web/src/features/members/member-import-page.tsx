import { ArrowLeftOutlined, CheckOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Steps, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { membersEndpoint, useImportCommit, useImportDryRun } from './hooks';
import type { ImportPlan, ImportRow } from './members';

/** Saves the rejected rows workbook the server builds from the same file. */
async function downloadRejected(file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`${membersEndpoint}/import/rejected`, { method: 'POST', body: form, credentials: 'same-origin' });
  if (!res.ok) throw new Error(res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = '未导入的党员信息.xlsx';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function MemberImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [committed, setCommitted] = useState<number | null>(null);
  const dryRun = useImportDryRun();
  const commit = useImportCommit();

  const choose = async (f: File) => {
    setFile(f);
    setPlan(null);
    setCommitted(null);
    try {
      setPlan(await dryRun.mutateAsync(f));
    } catch {
      /* shown by ErrorAlert */
    }
  };

  const onCommit = async () => {
    if (!file || !plan) return;
    try {
      const result = await commit.mutateAsync({ file, plan });
      setCommitted(result.summary.create);
      void message.success(t('members.import.committed', { count: result.summary.create }));
    } catch {
      /* shown by ErrorAlert */
    }
  };

  const columns: TableColumnsType<ImportRow> = [
    { title: t('members.import.row'), dataIndex: 'rowNumber', width: 64 },
    { title: t('members.import.fate'), dataIndex: 'fate', width: 90, render: (f: ImportRow['fate']) => <Tag color={f === 'create' ? 'green' : 'red'} data-testid={`fate-${f}`}>{t(`members.import.fate.${f}`)}</Tag> },
    { title: t('members.field.name'), dataIndex: 'name' },
    { title: t('members.import.reasons'), dataIndex: 'reasons', render: (r: string[]) => <Typography.Text type="danger">{r.join('；')}</Typography.Text> },
    ...(isMobile
      ? []
      : [
          { title: t('members.field.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('members.field.org'), dataIndex: 'orgName' },
          { title: t('members.field.joinDate'), dataIndex: 'joinDate' },
        ]),
  ];

  const step = committed !== null ? 2 : plan ? 1 : 0;
  return (
    <div>
      <PageHeader
        title={t('members.import.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/members')}>
            {t('members.back')}
          </Button>
        }
      />
      <Steps size="small" current={step} style={{ marginBottom: 16 }} items={[{ title: t('members.import.choose') }, { title: t('members.import.dryRun') }, { title: t('members.import.committed', { count: committed ?? '' }) }]} />
      <Card>
        <Flex vertical gap={12}>
          <Typography.Text>{t('members.import.step1')}</Typography.Text>
          <Flex wrap gap={8}>
            <Button icon={<FileExcelOutlined />} onClick={() => void download(`${membersEndpoint}/import/template`).catch(showError)}>
              {t('members.import.template')}
            </Button>
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                void choose(f);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={dryRun.isPending} data-testid="import-choose">
                {t('members.import.choose')}
              </Button>
            </Upload>
            {file ? <Typography.Text type="secondary">{file.name}</Typography.Text> : null}
          </Flex>
          <ErrorAlert error={dryRun.error ?? commit.error} prefix="members.error" />
        </Flex>
      </Card>
      {plan ? (
        <Card style={{ marginTop: 16 }}>
          <Alert
            type={plan.summary.reject > 0 ? 'warning' : 'success'}
            showIcon
            data-testid="import-summary"
            title={t('members.import.summary', plan.summary)}
            style={{ marginBottom: 12 }}
          />
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            <Button type="primary" icon={<CheckOutlined />} disabled={plan.summary.create === 0 || committed !== null} loading={commit.isPending} onClick={() => void onCommit()} data-testid="import-commit">
              {plan.summary.create === 0 ? t('members.import.nothing') : t('members.import.commit', { count: plan.summary.create })}
            </Button>
            {plan.summary.reject > 0 && file ? (
              <Button icon={<DownloadOutlined />} onClick={() => void downloadRejected(file).catch(showError)}>
                {t('members.import.rejected')}
              </Button>
            ) : null}
          </Flex>
          {committed !== null ? <Alert type="success" showIcon data-testid="import-done" title={t('members.import.committed', { count: committed })} style={{ marginBottom: 12 }} /> : null}
          <Table<ImportRow> rowKey="rowNumber" columns={columns} dataSource={plan.rows} pagination={false} size="small" scroll={{ x: 'max-content' }} data-testid="import-rows" />
        </Card>
      ) : null}
    </div>
  );
}
