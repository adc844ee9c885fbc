import { readHandle } from '../../platform/db.js';
import type { LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { hazardCategoryLabels, hazardSeverityLabels } from './hazards.labels.js';
import type { HazardResponse, ListHazardsQuery } from './hazards.schema.js';
import { hazardExportTotals, streamHazardsForExport } from './hazards.service.js';

const statusLabels: Record<HazardResponse['status'], string> = {
  pending: '待处置',
  fixed: '已立即整改',
  rectifying: '限期整改中',
  closed: '已整改销号',
  merged: '已合并',
};

function localTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

/** 安全隐患排查整改台账: one row per hazard, with how and when it was fixed. */
export async function hazardLedgerSheet(
  ctx: ActorContext,
  q: Pick<ListHazardsQuery, 'from' | 'to' | 'category' | 'status' | 'orgId'>,
): Promise<LedgerSheet<HazardResponse>> {
  // Totals from SQL and rows streamed page by page (from the replica when one is set): memory stays flat.
  const db = readHandle(ctx);
  const { total, immediate, deadline, overdue } = await hazardExportTotals(ctx, q, db);
  const rows = streamHazardsForExport(ctx, q, db);
  return {
    sheetName: '隐患排查整改台账',
    title: `${ctx.actor.tenantName}安全隐患排查整改台账`,
    unitName: ctx.actor.scopeOrgName,
    period: q.from || q.to ? `排查期间：${q.from ?? ''} 至 ${q.to ?? ''}` : undefined,
    columns: [
      { header: '排查时间', width: 18, value: (r) => localTime(r.reportedAt) },
      { header: '所属村（社区）', width: 16, value: (r) => r.orgName },
      { header: '网格', width: 14, value: (r) => r.gridName ?? '' },
      { header: '隐患地点', width: 22, value: (r) => r.address || (r.lat !== null && r.lng !== null ? `${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}` : '') },
      { header: '隐患类别', width: 10, value: (r) => hazardCategoryLabels[r.category] },
      { header: '隐患等级', width: 8, value: (r) => hazardSeverityLabels[r.severity] },
      { header: '隐患描述', width: 36, value: (r) => r.description },
      { header: '排查人', width: 10, value: (r) => r.reporterName },
      { header: '整改方式', width: 10, value: (r) => (r.resolution === 'immediate' ? '立即整改' : r.resolution === 'deadline' ? '限期整改' : '') },
      { header: '整改期限', width: 12, value: (r) => r.deadline ?? '' },
      { header: '整改情况', width: 14, value: (r) => (r.overdue ? '逾期未改' : statusLabels[r.status]) },
      { header: '销号时间', width: 18, value: (r) => localTime(r.fixedAt) },
    ],
    rows,
    totals: { 0: `共排查 ${total} 条，立即整改 ${immediate} 条，限期整改 ${deadline} 条，逾期未改 ${overdue} 条` },
  };
}

export const hazardLedgers: LedgerDefinition[] = [
  {
    id: 'hazards.ledger',
    name: '安全隐患排查整改台账',
    permission: 'hazard.export',
    build: async (ctx, period) => (await hazardLedgerSheet(ctx, { from: period.from, to: period.to })),
  },
];
