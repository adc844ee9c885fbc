import type { Db } from './db.js';

/** The scope and period a metric is computed over. */
export interface MetricScope {
  db: Db;
  tenantId: number;
  /** Materialised path of the org unit the figure is for (the street committee for the whole street). */
  orgPath: string;
  /** Inclusive ISO dates (Asia/Shanghai days). */
  from: string;
  to: string;
}

export interface MetricValue {
  value: number;
  numerator?: number;
  denominator?: number;
}

export interface MetricRecords {
  columns: Array<{ key: string; title: string }>;
  items: Array<Record<string, string | number | boolean | null>>;
  total: number;
}

/**
 * One headline figure, defined once: dashboards, reports and exports read it from the registry and
 * nothing else computes it. `records` lists exactly the rows the value counts (drill-down).
 */
export interface MetricDefinition {
  /** Stable id, e.g. 'points.households_visited'. */
  id: string;
  /** 中文 name shown on the dashboard. */
  name: string;
  /** How it is counted: numerator, denominator, filters, in words (shown on hover). */
  definition: string;
  unit: string;
  /** Bump when the definition changes; reports record the version they used. */
  version: number;
  /** 'count' and 'sum' are plain; 'ratio' values are percentages 0–100 with numerator/denominator. */
  kind: 'count' | 'sum' | 'ratio';
  /** Dashboard group, e.g. '党员积分', '网格治理'. */
  group: string;
  compute(scope: MetricScope): Promise<MetricValue>;
  /**
   * The drill-down: exactly the rows counted. For 'count' its total equals the value; for 'ratio' it lists the
   * denominator's records with a column marking those in the numerator (or, where that is clearer, the numerator's).
   */
  records(scope: MetricScope, page: { page: number; pageSize: number }): Promise<MetricRecords>;
  /**
   * For a ratio whose drill-down lists groups (e.g. study sessions with attended/expected columns) rather than
   * single records: the columns whose sums over all records give the numerator and the denominator.
   */
  recordsGrouped?: { numeratorKey: string; denominatorKey: string };
  /** The figure printed in the 2018 report, where there is one, for the report page. */
  reported?: { value: number; text: string };
}
