import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { AppServices } from '../../platform/request-context.js';
import { auditHeads } from './audit.table.js';

/**
 * A cache of derived figures that follows the tenant's writes. Every write records an audit event in its own
 * transaction, so the tenant's audit head (one primary-key row) carries a cheap change stamp, `data_seq`, which
 * counts the events that change data (logins, reveals and exports do not move it): a value computed at stamp N is
 * good until the stamp moves. The dashboard's overview and the points rankings use it.
 */

/** How long a computed value may be served without recomputing, even when nothing was written. */
export const OVERVIEW_CACHE_MS = 60_000;
/** Entries per app: overviews and rankings (one per unit, period, level and page asked for lately). */
const MAX_ENTRIES = 500;
/**
 * How long the first caller after a write waits for the new figures on PostgreSQL before taking the previous ones
 * (the recomputation goes on and lands for the next caller). A recomputation is some 40 queries; when the pool is
 * saturated each waits its turn, and the load test saw it pass autocannon's 10 s timeout. PGlite has no pool to
 * saturate and its first computation is slow, so there the caller always waits.
 */
export const FRESH_WAIT_MS = 5_000;

/** The tenant's change stamp: how many audit events have recorded a change to its data (0 before any). */
export async function writeStamp(db: Db, tenantId: number): Promise<number> {
  const [row] = await db.select({ seq: auditHeads.dataSeq }).from(auditHeads).where(eq(auditHeads.tenantId, tenantId));
  return Number(row?.seq ?? 0);
}

interface Entry<V> {
  stamp: number;
  at: number;
  value: Promise<V>;
  /** A recomputation for a newer stamp, while the old value is still served to others. */
  refreshing?: Promise<V>;
}

/** One cache per running app (its services object), so test apps and databases never share entries. */
const caches = new WeakMap<AppServices, Map<string, Entry<unknown>>>();

function remember<V>(cache: Map<string, Entry<unknown>>, key: string, entry: Entry<V>): void {
  cache.delete(key);
  cache.set(key, entry as Entry<unknown>);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

/**
 * The value for `key`, computed at most once while the tenant's data is unchanged and the entry is
 * younger than OVERVIEW_CACHE_MS. Callers asking at the same time share one computation.
 *
 * After the street writes, the first caller recomputes and waits for the new figures (so whoever just
 * entered a record sees it counted). Callers arriving while that recomputation runs are answered from
 * the previous figures instead of queueing behind it or starting their own: under a steady write load
 * the overview is recomputed one at a time, and a busy big screen never piles up identical queries.
 */
export async function cachedByStamp<V>(services: AppServices, db: Db, tenantId: number, key: string, compute: () => Promise<V>, now: number = Date.now()): Promise<V> {
  let cache = caches.get(services);
  if (!cache) {
    cache = new Map();
    caches.set(services, cache);
  }
  const stamp = await writeStamp(db, tenantId);
  const fullKey = `${tenantId}|${key}`;
  const hit = cache.get(fullKey) as Entry<V> | undefined;
  const young = hit !== undefined && now - hit.at < OVERVIEW_CACHE_MS;
  if (hit && young && hit.stamp === stamp) return hit.value;
  if (hit && young && hit.refreshing) return hit.value;
  const value = compute();
  const entry: Entry<V> = { stamp, at: now, value };
  if (hit && young) {
    const old = hit.value;
    // Serve the old figures to others until this one lands, then swap it in.
    hit.refreshing = value;
    value.then(
      () => {
        if (cache?.get(fullKey) === hit) remember(cache, fullKey, entry);
      },
      () => {
        if (hit.refreshing === value) hit.refreshing = undefined;
      },
    );
    if (services.dbKind === 'postgres') return firstOf(value, old, FRESH_WAIT_MS);
  } else {
    remember(cache, fullKey, entry);
    // A failed computation is not kept.
    value.catch(() => {
      if (cache?.get(fullKey)?.value === value) cache.delete(fullKey);
    });
  }
  return value;
}

/** `value` if it settles within `ms`, else `fallback` (value keeps running). */
function firstOf<V>(value: Promise<V>, fallback: Promise<V>, ms: number): Promise<V> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<V>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([value, late]).finally(() => clearTimeout(timer));
}
