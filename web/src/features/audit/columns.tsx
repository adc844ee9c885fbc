import { Button } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Translate } from '../../i18n/i18n-context';
import { formatDateTime } from '../../ui/format';
import type { FilterField } from '../../ui/resource-table';

export interface AuditEvent {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** An action's label from the catalogue (`audit.action.org.create`) when there is one, else the code. */
export function actionLabel(action: string, t: Translate, has: (key: string) => boolean): string {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : action;
}

export const auditFilters: FilterField[] = [
  { name: 'range', labelKey: 'audit.timeRange', type: 'dateRange', fromParam: 'from', toParam: 'to' },
  { name: 'action', labelKey: 'audit.action', type: 'text' },
  { name: 'actor', labelKey: 'audit.actor', type: 'text' },
];

export function auditColumns(t: Translate, has: (key: string) => boolean, onOpen: (event: AuditEvent) => void): TableColumnsType<AuditEvent> {
  return [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { key: 'at', title: t('audit.at'), render: (_, row) => formatDateTime(row.at), width: 180 },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorName' },
    { key: 'action', title: t('audit.action'), render: (_, row) => actionLabel(row.action, t, has) },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, row) => (row.entityId ? `${row.entityType} #${row.entityId}` : row.entityType),
    },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip' },
    { key: 'reason', title: t('audit.reason'), dataIndex: 'reason', ellipsis: true },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => onOpen(row)}>
          {t('common.details')}
        </Button>
      ),
    },
  ];
}
