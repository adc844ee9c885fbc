import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, desc, eq } from 'drizzle-orm';
import { addLedgerSheet } from '../../platform/excel.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { LedgerDefinition } from '../../platform/module.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { parsePeriod, type Period } from './dashboards.period.js';
import { findMetric, resolveOrg, scopeFor, type PeriodInput } from './dashboards.service.js';
import { exportJobs } from './dashboards.table.js';
import { StreamingLedgerWorkbook } from '../../platform/excel-stream.js';

/** Exports above this many rows go through a background job with progress, not one response. */
export const DIRECT_EXPORT_MAX_ROWS = 10_000;

interface RegisteredLedger {
  module: string;
  def: LedgerDefinition;
}

/** Every ledger of every registered module the actor may export (lazy: the registry imports us). */
export async function listLedgers(ctx: ActorContext): Promise<RegisteredLedger[]> {
  const { modules } = await import('../registry.js');
  const out: RegisteredLedger[] = [];
  for (const m of modules) for (const def of m.ledgers ?? []) if (can(ctx, def.permission)) out.push({ module: m.name, def });
  return out;
}

async function findLedger(ctx: ActorContext, id: string): Promise<RegisteredLedger> {
  const found = (await listLedgers(ctx)).find((l) => l.def.id === id);
  if (!found) throw notFound('台账');
  return found;
}

function periodArg(input: PeriodInput): { from?: string; to?: string } {
  if (!input.period && !input.from && !input.to) return {};
  const p = parsePeriod(input);
  return { from: p.from, to: p.to };
}

/** One ledger as an .xlsx buffer (small ledgers; large ones go through an export job). */
export async function exportLedger(ctx: ActorContext, id: string, input: PeriodInput): Promise<{ buffer: Buffer; fileName: string }> {
  const l = await findLedger(ctx, id);
  const sheet = await l.def.build(ctx, periodArg(input));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongjian';
  await addLedgerSheet(wb, sheet);
  await recordAudit(ctx.db, ctx, { action: 'ledger.export', entityType: 'ledger', entityId: id, after: { name: l.def.name, ...periodArg(input) } });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${sheet.title}.xlsx` };
}

export type ExportTarget = string;

function exportsDir(ctx: ActorContext): string {
  return path.join(ctx.services.config.dataDir, 'exports', String(ctx.tenantId));
}

type JobRow = typeof exportJobs.$inferSelect;

export function toJobResponse(j: JobRow) {
  return {
    id: j.id,
    target: j.target,
    state: j.state,
    rowsDone: j.rowsDone,
    rowsTotal: j.rowsTotal,
    fileName: j.fileName,
    error: j.error,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
    downloadUrl: j.state === 'done' ? `/api/ledgers/exports/${j.id}/file` : null,
  };
}

async function describeTarget(ctx: ActorContext, target: string): Promise<string> {
  if (target === 'all') return `${ctx.actor.scopeOrgName}台账汇总`;
  if (target.startsWith('metric:')) return `${(await findMetric(target.slice('metric:'.length))).def.name}明细`;
  return (await findLedger(ctx, target)).def.name;
}

/**
 * Starts an export in the background: the job row holds its state and progress, the file is
 * written row by row into the data dir, and the requester fetches it when it is done.
 */
export async function createExportJob(ctx: ActorContext, input: PeriodInput & { target: string }): Promise<JobRow> {
  const name = await describeTarget(ctx, input.target);
  const org = await resolveOrg(ctx, input.orgId);
  const p = periodArg(input);
  const job = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exportJobs)
      .values({ tenantId: ctx.tenantId, userId: ctx.actor.userId, target: input.target, periodFrom: p.from ?? null, periodTo: p.to ?? null, orgId: org.id, fileName: `${name}.xlsx` })
      .returning();
    await recordAudit(tx, ctx, { action: 'ledger.export', entityType: 'export_job', entityId: row.id, after: { target: input.target, name, ...p } });
    return row;
  });
  setImmediate(() => {
    runExportJob(ctx, job.id).catch(() => {
      /* runExportJob records its own failure on the job row */
    });
  });
  return job;
}

async function setJob(ctx: ActorContext, id: string, patch: Partial<typeof exportJobs.$inferInsert>) {
  await ctx.db.update(exportJobs).set(patch).where(and(eq(exportJobs.tenantId, ctx.tenantId), eq(exportJobs.id, id)));
}

async function* metricRows(ctx: ActorContext, metricId: string, job: JobRow, period: Period): AsyncGenerator<Record<string, string | number | boolean | null>> {
  const m = await findMetric(metricId);
  const org = await resolveOrg(ctx, job.orgId ?? undefined);
  const scope = scopeFor(ctx, org, period);
  for (let page = 1; ; page++) {
    const r = await m.def.records(scope, { page, pageSize: 1000 });
    if (page === 1) await setJob(ctx, job.id, { rowsTotal: r.total });
    for (const item of r.items) yield item;
    if (r.items.length < 1000 || page * 1000 >= r.total) return;
  }
}

/** Runs one export job to completion, recording progress and the outcome on its row. */
export async function runExportJob(ctx: ActorContext, jobId: string): Promise<JobRow> {
  const [job] = await ctx.db.select().from(exportJobs).where(and(eq(exportJobs.tenantId, ctx.tenantId), eq(exportJobs.id, jobId)));
  if (!job) throw notFound('导出任务');
  const dir = exportsDir(ctx);
  fs.mkdirSync(dir, { recursive: true });
  const relative = `${job.id}.xlsx`;
  const input: PeriodInput = job.periodFrom && job.periodTo ? { from: job.periodFrom, to: job.periodTo } : {};
  try {
    await setJob(ctx, job.id, { state: 'running' });
    const writer = new StreamingLedgerWorkbook(path.join(dir, relative));
    let done = 0;
    const progress = (base: number) => async (n: number) => setJob(ctx, job.id, { rowsDone: base + n });
    if (job.target.startsWith('metric:')) {
      const metricId = job.target.slice('metric:'.length);
      const m = await findMetric(metricId);
      const period = parsePeriod(input);
      const first = await m.def.records(scopeFor(ctx, await resolveOrg(ctx, job.orgId ?? undefined), period), { page: 1, pageSize: 1 });
      done += await writer.addSheet(
        {
          sheetName: m.def.name,
          title: `${m.def.name}明细（口径 v${m.def.version}）`,
          unitName: ctx.actor.scopeOrgName,
          period: `统计期：${period.label}`,
          columns: first.columns.map((c) => ({ header: c.title, value: (r: Record<string, string | number | boolean | null>) => { const v = r[c.key]; return typeof v === 'boolean' ? (v ? '是' : '否') : v; } })),
          rows: metricRows(ctx, metricId, job, period),
          totals: { 0: `共 ${first.total} 条` },
        },
        progress(done),
      );
    } else {
      // One ledger at a time: each sheet is built, written and let go before the next is built, so
      // memory holds at most one ledger's rows (none when a ledger hands its rows over lazily).
      const ledgers = job.target === 'all' ? await listLedgers(ctx) : [await findLedger(ctx, job.target)];
      let known = 0;
      for (const l of ledgers) {
        const sheet = await l.def.build(ctx, periodArg(input));
        if (Array.isArray(sheet.rows)) {
          known += sheet.rows.length;
          await setJob(ctx, job.id, { rowsTotal: Math.max(known, done) });
        }
        done += await writer.addSheet(sheet, progress(done));
      }
      await setJob(ctx, job.id, { rowsTotal: done });
    }
    await writer.finish();
    await setJob(ctx, job.id, { state: 'done', rowsDone: done, filePath: relative, finishedAt: new Date() });
  } catch (e) {
    await setJob(ctx, job.id, { state: 'failed', error: e instanceof Error ? e.message.slice(0, 500) : '导出失败', finishedAt: new Date() });
  }
  const [after] = await ctx.db.select().from(exportJobs).where(and(eq(exportJobs.tenantId, ctx.tenantId), eq(exportJobs.id, jobId)));
  return after ?? job;
}

/** An export job of the actor's own; someone else's looks like not found. */
export async function getExportJob(ctx: ActorContext, id: string): Promise<JobRow> {
  const [job] = await ctx.db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.tenantId, ctx.tenantId), eq(exportJobs.id, id), eq(exportJobs.userId, ctx.actor.userId)));
  if (!job) throw notFound('导出任务');
  return job;
}

export async function listExportJobs(ctx: ActorContext): Promise<JobRow[]> {
  return ctx.db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.tenantId, ctx.tenantId), eq(exportJobs.userId, ctx.actor.userId)))
    .orderBy(desc(exportJobs.createdAt))
    .limit(20);
}

/** The finished file of an export job, as a stream. */
export async function openExportFile(ctx: ActorContext, id: string): Promise<{ stream: fs.ReadStream; fileName: string }> {
  const job = await getExportJob(ctx, id);
  if (job.state !== 'done' || !job.filePath) throw new AppError('INVALID_STATE', '导出尚未完成');
  const file = path.join(exportsDir(ctx), path.basename(job.filePath));
  if (!fs.existsSync(file)) throw notFound('导出文件');
  return { stream: fs.createReadStream(file), fileName: job.fileName };
}
