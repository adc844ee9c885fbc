import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildLedgerWorkbook, sendXlsx } from '../../platform/excel.js';
import { pageQuery } from '../../platform/pagination.js';
import { requireActor } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { collectInbox, getDigest, inboxCount } from './dashboards.inbox.js';
import { createExportJob, exportLedger, getExportJob, listExportJobs, listLedgers, openExportFile, toJobResponse } from './dashboards.ledgers.js';
import {
  byOrgQuery,
  byOrgResponse,
  createExportBody,
  createSnapshotBody,
  defaultPeriodQuery,
  defaultPeriodResponse,
  digestQuery,
  digestResponse,
  exportJobListResponse,
  exportJobResponse,
  gridMapResponse,
  idParams,
  inboxCountResponse,
  inboxResponse,
  ledgerIdParams,
  ledgerListResponse,
  metricIdParams,
  metricListResponse,
  overviewResponse,
  periodQuery,
  recordsQuery,
  recordsResponse,
  reportResponse,
  snapshotListResponse,
  snapshotResponse,
  summaryResponse,
  trendResponse,
} from './dashboards.schema.js';
import {
  buildReport,
  computeOverview,
  computeSummary,
  createSnapshot,
  getSnapshot,
  listMetricRecords,
  listSnapshots,
  metricByOrg,
  metricTrend,
  registeredMetrics,
  toMetricInfo,
} from './dashboards.service.js';
import { metricRecordsSheet } from './dashboards.export.js';
import { defaultPeriod } from './dashboards.default-period.js';
import { gridMap } from './dashboards.grid-map.js';

const tags = ['dashboard'];
const read = { permission: 'dashboard.read' };

/** Routes under /api: /dashboard/*, /ledgers/*, /inbox*. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dashboard/metrics', { config: read, schema: { tags, response: { 200: metricListResponse } } }, async () => ({
    items: (await registeredMetrics()).map(toMetricInfo),
  }));
  app.get('/dashboard/default-period', { config: read, schema: { tags, querystring: defaultPeriodQuery, response: { 200: defaultPeriodResponse } } }, async (req) =>
    defaultPeriod(requireActor(req.ctx), req.query.orgId),
  );
  app.get('/dashboard/overview', { config: read, schema: { tags, querystring: periodQuery, response: { 200: overviewResponse } } }, async (req) =>
    computeOverview(requireActor(req.ctx), req.query),
  );
  app.get('/dashboard/summary', { config: read, schema: { tags, querystring: periodQuery, response: { 200: summaryResponse } } }, async (req) =>
    computeSummary(requireActor(req.ctx), req.query),
  );
  app.get('/dashboard/report', { config: read, schema: { tags, querystring: periodQuery, response: { 200: reportResponse } } }, async (req) =>
    buildReport(requireActor(req.ctx), req.query),
  );
  app.get('/dashboard/grid-map', { config: read, schema: { tags, querystring: periodQuery, response: { 200: gridMapResponse } } }, async (req) =>
    gridMap(requireActor(req.ctx), req.query.orgId),
  );
  app.get('/dashboard/metrics/:id/records', { config: read, schema: { tags, params: metricIdParams, querystring: recordsQuery, response: { 200: recordsResponse } } }, async (req) =>
    listMetricRecords(requireActor(req.ctx), req.params.id, req.query),
  );
  app.get('/dashboard/metrics/:id/records.xlsx', { config: read, schema: { tags, params: metricIdParams, querystring: periodQuery } }, async (req, reply) => {
    const sheet = await metricRecordsSheet(requireActor(req.ctx), req.params.id, req.query);
    return sendXlsx(reply, await buildLedgerWorkbook(sheet), `${sheet.title}.xlsx`);
  });
  app.get('/dashboard/metrics/:id/trend', { config: read, schema: { tags, params: metricIdParams, querystring: periodQuery, response: { 200: trendResponse } } }, async (req) =>
    metricTrend(requireActor(req.ctx), req.params.id, req.query),
  );
  app.get('/dashboard/metrics/:id/by-org', { config: read, schema: { tags, params: metricIdParams, querystring: byOrgQuery, response: { 200: byOrgResponse } } }, async (req) =>
    metricByOrg(requireActor(req.ctx), req.params.id, req.query),
  );
  app.get('/dashboard/snapshots', { config: read, schema: { tags, querystring: pageQuery, response: { 200: snapshotListResponse } } }, async (req) =>
    listSnapshots(requireActor(req.ctx), req.query),
  );
  app.get('/dashboard/snapshots/:id', { config: read, schema: { tags, params: idParams, response: { 200: snapshotResponse } } }, async (req) =>
    getSnapshot(requireActor(req.ctx), req.params.id),
  );
  app.post('/dashboard/snapshots', { config: { permission: 'dashboard.snapshot' }, schema: { tags, body: createSnapshotBody, response: { 201: snapshotResponse } } }, async (req, reply) =>
    reply.code(201).send(await createSnapshot(requireActor(req.ctx), req.body)),
  );

  const ledgerTags = ['ledgers'];
  app.get('/ledgers', { config: { permission: 'ledger.read' }, schema: { tags: ledgerTags, response: { 200: ledgerListResponse } } }, async (req) => ({
    items: (await listLedgers(requireActor(req.ctx))).map((l) => ({ id: l.def.id, name: l.def.name, module: l.module })),
  }));
  app.get('/ledgers/exports', { config: { permission: 'ledger.read' }, schema: { tags: ledgerTags, response: { 200: exportJobListResponse } } }, async (req) => ({
    items: (await listExportJobs(requireActor(req.ctx))).map(toJobResponse),
  }));
  app.post('/ledgers/exports', { config: { permission: 'ledger.read' }, schema: { tags: ledgerTags, body: createExportBody, response: { 202: exportJobResponse } } }, async (req, reply) =>
    reply.code(202).send(toJobResponse(await createExportJob(requireActor(req.ctx), req.body))),
  );
  app.get('/ledgers/exports/:id', { config: { permission: 'ledger.read' }, schema: { tags: ledgerTags, params: idParams, response: { 200: exportJobResponse } } }, async (req) =>
    toJobResponse(await getExportJob(requireActor(req.ctx), req.params.id)),
  );
  app.get('/ledgers/exports/:id/file', { config: { permission: 'ledger.read' }, schema: { tags: ledgerTags, params: idParams } }, async (req, reply) => {
    const f = await openExportFile(requireActor(req.ctx), req.params.id);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('Cache-Control', 'no-store')
      .send(f.stream);
  });
  app.get('/ledgers/:id/xlsx', { config: { permission: 'ledger.read' }, schema: { tags: ledgerTags, params: ledgerIdParams, querystring: periodQuery } }, async (req, reply) => {
    const f = await exportLedger(requireActor(req.ctx), req.params.id, req.query);
    return sendXlsx(reply, f.buffer, f.fileName);
  });

  const inboxTags = ['inbox'];
  app.get('/inbox', { config: { permission: 'inbox.read' }, schema: { tags: inboxTags, response: { 200: inboxResponse } } }, async (req) => {
    const items = await collectInbox(requireActor(req.ctx));
    return { items: items.map((i) => ({ ...i, dueAt: i.dueAt ?? null, count: i.count ?? null })), count: inboxCount(items) };
  });
  app.get('/inbox/count', { config: { permission: 'inbox.read' }, schema: { tags: inboxTags, response: { 200: inboxCountResponse } } }, async (req) => ({
    count: inboxCount(await collectInbox(requireActor(req.ctx))),
  }));
  app.get('/inbox/digest', { config: { permission: 'inbox.read' }, schema: { tags: inboxTags, querystring: digestQuery, response: { 200: digestResponse } } }, async (req) => {
    const day = req.query.day ?? shanghaiDate();
    return (await getDigest(requireActor(req.ctx), day)) ?? { day, items: [], itemCount: 0, overdueCount: 0, createdAt: null };
  });
};
