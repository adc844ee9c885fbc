import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Descriptions, Drawer, Flex, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { apiGet } from '../../ui/api';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import { useIsMobile } from '../../ui/use-is-mobile';
import { actionLabel, auditColumns, auditFilters, type AuditEvent } from './columns';

interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
}

function JsonBlock({ value }: { value: unknown }) {
  return (
    <pre
      style={{
        margin: 0,
        padding: 12,
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        fontSize: 12,
        maxHeight: 420,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditPage() {
  const { t, has } = useI18n();
  const isMobile = useIsMobile();
  const { can } = useAuth();
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const verify = useMutation({ mutationFn: () => apiGet<VerifyResult>('/api/audit/verify') });
  const columns = useMemo(() => auditColumns(t, has, setOpen), [t, has]);

  return (
    <div>
      <PageHeader
        title={t('audit.menu')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data ? (
        <Alert
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          type={verify.data.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={
            verify.data.ok
              ? t('audit.verify.ok', { checked: verify.data.checked })
              : t('audit.verify.broken', { seq: verify.data.brokenAtSeq ?? '?', checked: verify.data.checked })
          }
        />
      ) : null}
      <ErrorAlert error={verify.error} style={{ marginBottom: 16 }} />
      <ResourceTable<AuditEvent>
        endpoint="/api/audit"
        rowKey="seq"
        columns={columns}
        filters={auditFilters}
        exportable={can('audit.export')}
        renderCard={(row) => (
          <Flex vertical gap={2} onClick={() => setOpen(row)} style={{ cursor: 'pointer' }}>
            <Flex justify="space-between">
              <Typography.Text strong>{actionLabel(row.action, t, has)}</Typography.Text>
              <Typography.Text type="secondary">#{row.seq}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary">{formatDateTime(row.at)}</Typography.Text>
            <Typography.Text>
              {row.actorName ?? '—'} · {row.entityType}
              {row.entityId ? ` #${row.entityId}` : ''}
            </Typography.Text>
          </Flex>
        )}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={isMobile ? '100%' : 760}
        title={open ? t('audit.detailTitle', { seq: open.seq }) : ''}
        destroyOnHidden
      >
        {open ? (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'at', label: t('audit.at'), children: formatDateTime(open.at) },
                { key: 'actor', label: t('audit.actor'), children: open.actorName ?? '—' },
                { key: 'action', label: t('audit.action'), children: actionLabel(open.action, t, has) },
                { key: 'entity', label: t('audit.entity'), children: `${open.entityType}${open.entityId ? ` #${open.entityId}` : ''}` },
                { key: 'ip', label: t('audit.ip'), children: open.ip ?? '—' },
                { key: 'reason', label: t('audit.reason'), children: open.reason ?? '—' },
              ]}
            />
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
                <JsonBlock value={open.before} />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
                <JsonBlock value={open.after} />
              </Col>
            </Row>
          </>
        ) : null}
      </Drawer>
    </div>
  );
}
