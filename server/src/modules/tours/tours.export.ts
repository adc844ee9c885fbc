import ExcelJS from 'exceljs';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { addLedgerSheet, type LedgerSheet } from '../../platform/excel.js';
import type { LedgerDefinition } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { inScope, orgNames } from '../org-units/index.js';
import { rectificationStateLabels, rectificationStatesBySource } from '../rectification/index.js';
import type { TourDetail } from './tours.schema.js';
import { getTour, rankStops } from './tours.service.js';
import { tourFindings, tours, tourStops } from './tours.table.js';

type StopRow = TourDetail['stops'][number];
type FindingRow = TourDetail['findings'][number];

function scoreSheet(tour: TourDetail, unitName: string): LedgerSheet<StopRow> {
  const ranked = [...tour.stops].sort((a, b) => (a.rank ?? 9999) - (b.rank ?? 9999) || a.seq - b.seq);
  return {
    sheetName: '评分排名',
    title: `${tour.title}评分排名表`,
    unitName,
    period: `观摩日期：${tour.plannedOn}`,
    columns: [
      { header: '名次', width: 8, value: (s) => s.rank ?? '未评分' },
      { header: '观摩对象', width: 24, value: (s) => s.orgName },
      ...tour.checklist.items.map((item) => ({ header: `${item.label}（${item.maxScore}分）`, width: 14, value: (s: StopRow) => s.scores?.[item.key] ?? null })),
      { header: `总分（${tour.checklist.maxTotal}分）`, width: 12, value: (s) => s.totalScore },
      { header: '点评', width: 40, value: (s) => s.comment ?? '' },
    ],
    rows: ranked,
  };
}

function findingSheet(tour: TourDetail, unitName: string): LedgerSheet<FindingRow> {
  return {
    sheetName: '问题整改',
    title: `${tour.title}问题整改台账`,
    unitName,
    period: `观摩日期：${tour.plannedOn}`,
    columns: [
      { header: '观摩对象', width: 24, value: (f) => f.orgName },
      { header: '存在问题', width: 40, value: (f) => f.title },
      { header: '责任人', width: 12, value: (f) => f.responsibleName },
      { header: '整改期限', width: 14, value: (f) => f.deadline ?? '' },
      { header: '整改状态', width: 12, value: (f) => (f.state ? rectificationStateLabels[f.state as keyof typeof rectificationStateLabels] : '') },
      { header: '是否逾期', width: 10, value: (f) => (f.overdue ? '逾期' : '') },
    ],
    rows: tour.findings,
  };
}

/** The tour report as one workbook: scores and ranking, then findings. */
export async function buildTourReport(ctx: ActorContext, id: string): Promise<{ buffer: Buffer; filename: string }> {
  const tour = await getTour(ctx, id);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongjian';
  await addLedgerSheet(wb, scoreSheet(tour, tour.orgName));
  await addLedgerSheet(wb, findingSheet(tour, tour.orgName));
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${tour.title}.xlsx` };
}

interface ScoreLedgerRow {
  plannedOn: string;
  title: string;
  orgName: string;
  totalScore: number | null;
  rank: number | null;
  comment: string | null;
}

interface FindingLedgerRow {
  plannedOn: string;
  tourTitle: string;
  orgName: string;
  title: string;
  responsibleName: string;
  deadline: string;
  state: string;
  overdue: boolean;
}

function periodOf(period: { from?: string; to?: string }): string {
  return period.from || period.to ? `${period.from ?? ''} 至 ${period.to ?? ''}` : '全部';
}

function tourPeriodWhere(ctx: ActorContext, period: { from?: string; to?: string }) {
  return and(eq(tours.tenantId, ctx.tenantId), inScope(ctx, tours.orgId), period.from ? gte(tours.plannedOn, period.from) : undefined, period.to ? lte(tours.plannedOn, period.to) : undefined);
}

export const tourLedgers: LedgerDefinition[] = [
  {
    id: 'tours.scores',
    name: '逐村观摩评分排名台账',
    permission: 'tour.export',
    async build(ctx, period) {
      const rows = await ctx.db
        .select({ tourId: tours.id, plannedOn: tours.plannedOn, title: tours.title, orgId: tourStops.orgId, totalScore: tourStops.totalScore, comment: tourStops.comment, seq: tourStops.seq })
        .from(tours)
        .innerJoin(tourStops, and(eq(tourStops.tenantId, tours.tenantId), eq(tourStops.tourId, tours.id)))
        .where(tourPeriodWhere(ctx, period))
        .orderBy(asc(tours.plannedOn), asc(tourStops.seq));
      const names = await orgNames(ctx, rows.map((r) => r.orgId));
      const out: ScoreLedgerRow[] = [];
      for (const tourId of [...new Set(rows.map((r) => r.tourId))]) {
        const ranked = rankStops(rows.filter((r) => r.tourId === tourId)).sort((a, b) => (a.rank ?? 9999) - (b.rank ?? 9999));
        for (const r of ranked) out.push({ plannedOn: r.plannedOn, title: r.title, orgName: names.get(r.orgId) ?? '', totalScore: r.totalScore, rank: r.rank, comment: r.comment });
      }
      return {
        sheetName: '观摩评分',
        title: '逐村（社区）观摩评分排名台账',
        unitName: ctx.actor.scopeOrgName,
        period: periodOf(period),
        columns: [
          { header: '观摩日期', width: 12, value: (r: ScoreLedgerRow) => r.plannedOn },
          { header: '观摩名称', width: 30, value: (r: ScoreLedgerRow) => r.title },
          { header: '观摩对象', width: 24, value: (r: ScoreLedgerRow) => r.orgName },
          { header: '总分', width: 10, value: (r: ScoreLedgerRow) => r.totalScore },
          { header: '名次', width: 8, value: (r: ScoreLedgerRow) => r.rank },
          { header: '点评', width: 40, value: (r: ScoreLedgerRow) => r.comment ?? '' },
        ],
        rows: out,
      } satisfies LedgerSheet<ScoreLedgerRow>;
    },
  },
  {
    id: 'tours.findings',
    name: '观摩问题整改台账',
    permission: 'tour.export',
    async build(ctx, period) {
      const rows = await ctx.db
        .select({ id: tourFindings.id, plannedOn: tours.plannedOn, tourTitle: tours.title, orgId: tourFindings.orgId, title: tourFindings.title, responsibleName: tourFindings.responsibleName })
        .from(tourFindings)
        .innerJoin(tours, and(eq(tours.tenantId, tourFindings.tenantId), eq(tours.id, tourFindings.tourId)))
        .where(tourPeriodWhere(ctx, period))
        .orderBy(asc(tours.plannedOn), asc(tourFindings.createdAt));
      const names = await orgNames(ctx, rows.map((r) => r.orgId));
      const states = await rectificationStatesBySource(ctx, 'tour_finding', rows.map((r) => r.id));
      const out: FindingLedgerRow[] = rows.map((r) => {
        const st = states.get(r.id);
        return {
          plannedOn: r.plannedOn,
          tourTitle: r.tourTitle,
          orgName: names.get(r.orgId) ?? '',
          title: r.title,
          responsibleName: r.responsibleName,
          deadline: st?.deadline ?? '',
          state: st ? rectificationStateLabels[st.state] : '',
          overdue: st?.overdue ?? false,
        };
      });
      return {
        sheetName: '观摩问题',
        title: '逐村（社区）观摩问题整改台账',
        unitName: ctx.actor.scopeOrgName,
        period: periodOf(period),
        columns: [
          { header: '观摩日期', width: 12, value: (r: FindingLedgerRow) => r.plannedOn },
          { header: '观摩对象', width: 24, value: (r: FindingLedgerRow) => r.orgName },
          { header: '存在问题', width: 40, value: (r: FindingLedgerRow) => r.title },
          { header: '责任人', width: 12, value: (r: FindingLedgerRow) => r.responsibleName },
          { header: '整改期限', width: 12, value: (r: FindingLedgerRow) => r.deadline },
          { header: '整改状态', width: 12, value: (r: FindingLedgerRow) => r.state },
          { header: '是否逾期', width: 10, value: (r: FindingLedgerRow) => (r.overdue ? '逾期' : '') },
        ],
        rows: out,
      } satisfies LedgerSheet<FindingLedgerRow>;
    },
  },
];
