import type { LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import type { ListItemsQuery, RectificationItemResponse } from './rectification.schema.js';
import { listItemsForExport } from './rectification.service.js';
import { rectificationStateLabels } from './rectification.workflow.js';
import type { RectificationSourceKind } from './rectification.table.js';

export const rectificationSourceLabels: Record<RectificationSourceKind, string> = {
  hazard: '隐患排查',
  tour_finding: '观摩检查',
  inspection_feedback: '巡视反馈',
  environment_check: '环保检查',
  campaign_check: '创文创卫检查',
  enterprise_inspection: '企业检查',
};

function fmtDateTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** 整改台账 in the layout a street files: one row per item, with source, unit, person, deadline, result. */
export async function rectificationLedgerSheet(ctx: ActorContext, q: Omit<ListItemsQuery, 'page' | 'pageSize'>): Promise<LedgerSheet<RectificationItemResponse>> {
  const rows = await listItemsForExport(ctx, q);
  const overdue = rows.filter((r) => r.overdue).length;
  const closed = rows.filter((r) => r.state === 'closed').length;
  return {
    sheetName: '整改台账',
    title: `${ctx.actor.tenantName}问题整改台账`,
    unitName: ctx.actor.scopeOrgName,
    period: q.from || q.to ? `${q.from ?? ''} 至 ${q.to ?? ''}` : undefined,
    columns: [
      { header: '问题来源', width: 12, value: (r) => rectificationSourceLabels[r.sourceKind] },
      { header: '问题描述', width: 36, value: (r) => (r.description ? `${r.title}：${r.description}` : r.title) },
      { header: '整改措施', width: 30, value: (r) => r.measures },
      { header: '责任单位', width: 18, value: (r) => r.orgName },
      { header: '责任人', width: 10, value: (r) => r.responsibleName },
      { header: '立项时间', width: 18, value: (r) => fmtDateTime(r.startedAt) },
      { header: '整改时限', width: 12, value: (r) => r.deadline },
      { header: '办理状态', width: 10, value: (r) => rectificationStateLabels[r.state] },
      { header: '销号时间', width: 18, value: (r) => fmtDateTime(r.closedAt) },
      { header: '是否按期', width: 10, value: (r) => (r.state === 'closed' ? (r.closedOnTime ? '按期' : '逾期') : r.overdue ? '已逾期' : '') },
    ],
    rows,
    totals: { 0: `共 ${rows.length} 项，已销号 ${closed} 项，逾期未改 ${overdue} 项` },
  };
}

export const rectificationLedgers: LedgerDefinition[] = [
  {
    id: 'rectification.items',
    name: '问题整改台账',
    permission: 'rectification.export',
    build: async (ctx, period) => await rectificationLedgerSheet(ctx, { from: period.from, to: period.to }),
  },
];
