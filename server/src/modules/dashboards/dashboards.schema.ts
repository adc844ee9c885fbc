import { z } from 'zod';
import { pageQuery, pagedResponse } from '../../platform/pagination.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Period forms: period=2018 | 2018-Q3 | 2018-06, or from/to; orgId narrows to a unit in scope. */
export const periodQuery = z.object({
  period: z.string().trim().max(10).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  orgId: z.string().uuid('无效的组织编号').optional(),
});

export const metricIdParams = z.object({ id: z.string().regex(/^[a-z0-9_.-]{1,80}$/, '无效的指标编号') });
export const idParams = z.object({ id: z.string().uuid('无效的编号') });

export const periodResponse = z.object({ label: z.string(), from: z.string(), to: z.string() });
const orgRef = z.object({ id: z.string(), name: z.string(), kind: z.string() });
const reported = z.object({ value: z.number(), text: z.string() }).nullable();

export const metricInfoResponse = z.object({
  id: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.string(),
  version: z.number().int(),
  kind: z.enum(['count', 'sum', 'ratio']),
  group: z.string(),
  module: z.string(),
  reported,
});

export const metricListResponse = z.object({ items: z.array(metricInfoResponse) });

export const overviewResponse = z.object({
  period: periodResponse,
  org: orgRef,
  metrics: z.array(
    metricInfoResponse.extend({
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

export const summaryResponse = z.object({
  period: periodResponse,
  org: orgRef,
  metrics: z.record(
    z.string(),
    z.object({
      name: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      version: z.number().int(),
      numerator: z.number().optional(),
      denominator: z.number().optional(),
    }),
  ),
});

export const recordsQuery = periodQuery.extend(pageQuery.shape);

export const recordsResponse = z.object({
  metric: metricInfoResponse,
  period: periodResponse,
  columns: z.array(z.object({ key: z.string(), title: z.string() })),
  items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const trendResponse = z.object({
  metric: metricInfoResponse,
  period: periodResponse,
  items: z.array(z.object({ month: z.string(), value: z.number() })),
});

export const byOrgQuery = periodQuery.extend({ per: z.enum(['none', 'member', 'household']).default('none') });

export const byOrgResponse = z.object({
  metric: metricInfoResponse,
  period: periodResponse,
  org: z.object({ id: z.string(), name: z.string() }),
  per: z.enum(['none', 'member', 'household']),
  items: z.array(z.object({ orgId: z.string(), name: z.string(), kind: z.string(), value: z.number(), base: z.number().nullable(), normalised: z.number() })),
});

export const reportResponse = z.object({
  period: periodResponse,
  org: orgRef,
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      group: z.string(),
      unit: z.string(),
      version: z.number().int(),
      definition: z.string(),
      reportedValue: z.number(),
      reportedText: z.string(),
      computed: z.number().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

export const createSnapshotBody = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(100, '标题不能超过100字'),
  period: z.string().trim().max(10).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  orgId: z.string().uuid().optional(),
});

export const snapshotResponse = z.object({
  id: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  period: periodResponse,
  createdAt: z.string(),
  values: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      value: z.number(),
      unit: z.string(),
      version: z.number().int(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      /** The metric's version today; differs from `version` when the definition changed since. */
      currentVersion: z.number().int().nullable(),
    }),
  ),
});

export const snapshotListResponse = pagedResponse(
  z.object({ id: z.string(), title: z.string(), orgName: z.string(), period: periodResponse, createdAt: z.string(), metricCount: z.number().int() }),
);

export const ledgerListResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), module: z.string() })),
});

export const ledgerIdParams = z.object({ id: z.string().regex(/^[a-z0-9_.-]{1,80}$/, '无效的台账编号') });

export const createExportBody = z.object({
  /** A ledger id, 'all' for the whole ledger set, or 'metric:<id>' for a metric's records. */
  target: z.string().regex(/^(all|metric:[a-z0-9_.-]{1,80}|[a-z0-9_.-]{1,80})$/, '无效的导出对象'),
  period: z.string().trim().max(10).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  orgId: z.string().uuid().optional(),
});

export const exportJobResponse = z.object({
  id: z.string(),
  target: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  fileName: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});

export const exportJobListResponse = z.object({ items: z.array(exportJobResponse) });

const inboxItem = z.object({
  kind: z.string(),
  title: z.string(),
  link: z.string(),
  dueAt: z.string().nullable(),
  severity: z.enum(['info', 'warning', 'overdue']),
  count: z.number().int().nullable(),
  module: z.string(),
  escalated: z.boolean(),
  ownerName: z.string().nullable(),
});

export const inboxResponse = z.object({ items: z.array(inboxItem), count: z.number().int() });
export const inboxCountResponse = z.object({ count: z.number().int() });

export const digestQuery = z.object({ day: isoDate.optional() });
export const digestResponse = z.object({
  day: z.string(),
  items: z.array(z.object({ kind: z.string(), title: z.string(), link: z.string(), severity: z.enum(['info', 'warning', 'overdue']), count: z.number().optional(), dueAt: z.string().nullable().optional(), escalated: z.boolean().optional() })),
  itemCount: z.number().int(),
  overdueCount: z.number().int(),
  createdAt: z.string().nullable(),
});

export const gridMapResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      orgName: z.string(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      /** Outer rings of the grid's boundary, [lng, lat] pairs. */
      polygons: z.array(z.array(z.tuple([z.number(), z.number()]))),
      households: z.number().int(),
      openHazards: z.number().int(),
    }),
  ),
  /** Open hazards with a location (at most MAP_HAZARD_LIMIT). */
  hazards: z.array(
    z.object({ id: z.string(), gridId: z.string().nullable(), lat: z.number(), lng: z.number(), category: z.string(), severity: z.string(), reportedDate: z.string(), overdue: z.boolean() }),
  ),
  /** Every open hazard under the org, located or not. */
  openHazards: z.number().int(),
});

export const defaultPeriodResponse = z.object({ period: z.string(), label: z.string(), latestRecordDate: z.string().nullable() });
export const defaultPeriodQuery = z.object({ orgId: z.string().uuid('无效的组织编号').optional() });
