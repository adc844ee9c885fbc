import type { AppServices } from '../../platform/request-context.js';

export { cachedByStamp, writeStamp, FRESH_WAIT_MS, OVERVIEW_CACHE_MS } from '../audit/index.js';

/**
 * How the dashboard computes many independent figures quickly:
 * - concurrently where the database can run queries side by side (a PostgreSQL pool), one after
 *   another on PGlite (a single connection: concurrency would only queue);
 * - a computed overview is kept for a short time per (tenant, org, period, metric versions), and
 *   recomputed once the street writes anything: every write records an audit event in its own
 *   transaction, so the tenant's audit head (one primary-key row) is a cheap change stamp. While one
 *   recomputation runs, other callers get the previous figures (cachedByStamp, in the audit module, which owns
 *   the stamp; the points rankings use it too).
 */

/** Parallel queries per overview on PostgreSQL: leaves room in the pool for other requests. */
export function concurrencyFor(services: AppServices): number {
  return services.dbKind === 'postgres' ? 4 : 1;
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
