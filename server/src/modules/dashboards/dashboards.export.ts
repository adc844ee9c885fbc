import { AppError } from '../../platform/errors.js';
import type { LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { parsePeriod } from './dashboards.period.js';
import { computeOverview, findMetric, resolveOrg, scopeFor, type PeriodInput } from './dashboards.service.js';
import { DIRECT_EXPORT_MAX_ROWS } from './dashboards.ledgers.js';

type RecordRow = Record<string, string | number | boolean | null>;

/** A metric's records as a ledger sheet (direct download; above the limit use an export job). */
export async function metricRecordsSheet(ctx: ActorContext, id: string, input: PeriodInput): Promise<LedgerSheet<RecordRow>> {
  const m = await findMetric(id);
  const period = parsePeriod(input);
  const org = await resolveOrg(ctx, input.orgId);
  const scope = scopeFor(ctx, org, period);
  const first = await m.def.records(scope, { page: 1, pageSize: 1000 });
  if (first.total > DIRECT_EXPORT_MAX_ROWS) throw new AppError('CONFLICT', `记录超过${DIRECT_EXPORT_MAX_ROWS}条，请使用后台导出`);
  const rows: RecordRow[] = [...first.items];
  for (let page = 2; rows.length < first.total; page++) {
    const r = await m.def.records(scope, { page, pageSize: 1000 });
    if (r.items.length === 0) break;
    rows.push(...r.items);
  }
  return {
    sheetName: m.def.name,
    title: `${org.name}${m.def.name}明细`,
    unitName: org.name,
    period: `统计期：${period.label}（口径 v${m.def.version}）`,
    columns: first.columns.map((c) => ({ header: c.title, value: (r: RecordRow) => { const v = r[c.key]; return typeof v === 'boolean' ? (v ? '是' : '否') : v; } })),
    rows,
    totals: { 0: `共 ${first.total} 条` },
  };
}

type SummaryRow = { group: string; name: string; value: number | null; unit: string; version: number; definition: string };

/** 数据汇总表: every headline figure of the actor's scope for the period, with its definition version. */
export const summaryLedger: LedgerDefinition = {
  id: 'dashboard.summary',
  name: '主要指标汇总表',
  permission: 'dashboard.read',
  async build(ctx, period) {
    const input: PeriodInput = period.from || period.to ? { from: period.from, to: period.to } : {};
    const o = await computeOverview(ctx, input);
    const rows: SummaryRow[] = o.metrics.map((m) => ({ group: m.group, name: m.name, value: m.value, unit: m.unit, version: m.version, definition: m.definition }));
    return {
      sheetName: '主要指标汇总',
      title: `${o.org.name}主要指标汇总表`,
      unitName: o.org.name,
      period: `统计期：${o.period.label}`,
      columns: [
        { header: '类别', width: 14, value: (r: Record<string, unknown>) => (r as SummaryRow).group },
        { header: '指标', width: 28, value: (r: Record<string, unknown>) => (r as SummaryRow).name },
        { header: '数值', width: 12, value: (r: Record<string, unknown>) => (r as SummaryRow).value },
        { header: '单位', width: 8, value: (r: Record<string, unknown>) => (r as SummaryRow).unit },
        { header: '口径版本', width: 10, value: (r: Record<string, unknown>) => `v${(r as SummaryRow).version}` },
        { header: '统计口径', width: 60, value: (r: Record<string, unknown>) => (r as SummaryRow).definition },
      ],
      rows: rows as unknown as Record<string, unknown>[],
    };
  },
};
