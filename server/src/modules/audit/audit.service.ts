import { and, asc, count, desc, eq, gt, gte, ilike, lt, lte, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { sha256 } from '../../platform/crypto.js';
import { buildLedgerWorkbook } from '../../platform/excel.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext, RequestContext } from '../../platform/request-context.js';
import { auditCheckpoints, auditEvents, auditHeads } from './audit.table.js';
import type { AuditFilter, ListAuditQuery } from './audit.schema.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Who wrote an event: a request context, or a system process (seed, CLI). */
export type AuditSource = Pick<RequestContext, 'tenantId' | 'actor' | 'ip' | 'requestId'> | { tenantId: number; system: string };

const GENESIS = '0'.repeat(64);

/** Key order independent JSON, so a row read back from jsonb hashes the same as when written. */
export function stableStringify(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

interface HashInput {
  tenantId: number;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string;
  reason: string | null;
}

function hashOf(prevHash: string, e: HashInput): string {
  return sha256(
    prevHash +
      '|' +
      stableStringify({ ...e, at: e.at.toISOString(), before: e.before ?? null, after: e.after ?? null }),
  );
}

/** JSON round-trip so what we hash is exactly what jsonb can hold (dates become strings). */
function plain(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

/** Audit actions that record a read or a session, not a change to the street's data (they leave `dataSeq` alone). */
export function isReadOrSession(action: string): boolean {
  return /^auth\./.test(action) || /\.(export|exported|reveal|read)$/.test(action);
}

/**
 * Appends one audit event to the tenant's hash chain. Runs in the caller's transaction when given one,
 * so the audit row and the change it records commit or roll back together.
 */
export async function recordAudit(db: Db, source: AuditSource, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    const tenantId = source.tenantId;
    // One statement creates the street's head if missing and locks it (ON CONFLICT DO UPDATE takes the row lock and
    // returns the row): writers of one street queue here, so this lock is held for as few round trips as possible.
    const [head] = await tx
      .insert(auditHeads)
      .values({ tenantId, seq: 0, hash: GENESIS })
      .onConflictDoUpdate({ target: auditHeads.tenantId, set: { seq: sql`${auditHeads.seq}` } })
      .returning({ seq: auditHeads.seq, hash: auditHeads.hash });
    const seq = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS;
    const isSystem = 'system' in source;
    const row: HashInput = {
      tenantId,
      seq,
      at: new Date(),
      actorUserId: isSystem ? null : (source.actor?.userId ?? null),
      actorName: isSystem ? `系统:${source.system}` : (source.actor?.displayName ?? '匿名'),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: plain(entry.before),
      after: plain(entry.after),
      ip: isSystem ? '' : source.ip,
      reason: entry.reason ?? null,
    };
    const hash = hashOf(prevHash, row);
    await tx.insert(auditEvents).values({
      ...row,
      requestId: isSystem ? null : source.requestId,
      prevHash,
      hash,
    });
    const dataSeq = isReadOrSession(entry.action) ? auditHeads.dataSeq : sql`${auditHeads.dataSeq} + 1`;
    await tx.update(auditHeads).set({ seq, hash, dataSeq }).where(eq(auditHeads.tenantId, tenantId));
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
}

/**
 * Recomputes every hash of a tenant's retained chain in order; the first mismatch is reported. After a retention
 * purge the chain starts from the latest checkpoint (the last purged event's hash), not from genesis.
 */
export async function verifyAuditChain(db: Db, tenantId: number): Promise<VerifyResult> {
  const [checkpoint] = await db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.tenantId, tenantId))
    .orderBy(desc(auditCheckpoints.seq))
    .limit(1);
  let prevHash = checkpoint?.hash ?? GENESIS;
  let lastSeq = checkpoint?.seq ?? 0;
  let checked = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), gt(auditEvents.seq, lastSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(2000);
    if (batch.length === 0) break;
    for (const e of batch) {
      const expected = hashOf(prevHash, {
        tenantId: e.tenantId,
        seq: e.seq,
        at: e.at,
        actorUserId: e.actorUserId,
        actorName: e.actorName,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before,
        after: e.after,
        ip: e.ip,
        reason: e.reason,
      });
      if (e.seq !== lastSeq + 1 || e.prevHash !== prevHash || e.hash !== expected) {
        return { ok: false, checked, brokenAtSeq: e.seq };
      }
      prevHash = e.hash;
      lastSeq = e.seq;
      checked++;
    }
  }
  return { ok: true, checked, brokenAtSeq: null };
}

/** The legal floor (网络安全法 第二十一条: logs kept at least six months). */
export const AUDIT_MIN_RETENTION_DAYS = 184;

/**
 * Daily retention purge: deletes a tenant's events older than the retention period, oldest first and as one
 * prefix of the chain, records a checkpoint (the last purged hash) and an audit event saying so. The table's
 * trigger lets this delete through only inside this transaction's setting and only for events past 184 days.
 */
export async function purgeAuditEvents(db: Db, tenantId: number, retentionDays: number, now = new Date()): Promise<{ purged: number; throughSeq: number | null }> {
  const days = Math.max(retentionDays, AUDIT_MIN_RETENTION_DAYS);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const result = await db.transaction(async (tx) => {
    // The last old event such that everything up to it is old: purging a prefix keeps the chain contiguous.
    const [{ firstYoung }] = await tx
      .select({ firstYoung: sql<number | null>`min(${auditEvents.seq})` })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), gte(auditEvents.at, cutoff)));
    const young = firstYoung === null ? null : Number(firstYoung);
    const [{ last }] = await tx
      .select({ last: max(auditEvents.seq) })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), lt(auditEvents.at, cutoff), young === null ? undefined : lt(auditEvents.seq, young)));
    if (last === null) return { purged: 0, throughSeq: null };
    const through = Number(last);
    const [boundary] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.seq, through)));
    if (!boundary) return { purged: 0, throughSeq: null };
    await tx.execute(sql`select set_config('gongjian.audit_purge', 'on', true)`);
    const gone = await tx
      .delete(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), sql`${auditEvents.seq} <= ${through}`))
      .returning({ seq: auditEvents.seq });
    await tx.execute(sql`select set_config('gongjian.audit_purge', 'off', true)`);
    await tx.insert(auditCheckpoints).values({ tenantId, seq: through, hash: boundary.hash, purgedCount: gone.length, purgedAt: now });
    return { purged: gone.length, throughSeq: through };
  });
  if (result.purged > 0) {
    await recordAudit(db, { tenantId, system: 'audit-retention' }, {
      action: 'audit.purged',
      entityType: 'audit_log',
      after: { purged: result.purged, throughSeq: result.throughSeq, retentionDays: days },
    });
  }
  return result;
}

function auditWhere(ctx: RequestContext, q: AuditFilter): SQL | undefined {
  const where: SQL[] = [eq(auditEvents.tenantId, ctx.tenantId)];
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
  if (q.to) where.push(lte(auditEvents.at, new Date(q.to)));
  if (q.action) where.push(ilike(auditEvents.action, `${q.action}%`));
  if (q.actor) where.push(ilike(auditEvents.actorName, `%${q.actor}%`));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  return and(...where);
}

export async function listAuditEvents(ctx: RequestContext, q: ListAuditQuery): Promise<Paged<typeof auditEvents.$inferSelect>> {
  const cond = auditWhere(ctx, q);
  const [items, [{ total }]] = await Promise.all([
    ctx.db.select().from(auditEvents).where(cond).orderBy(desc(auditEvents.seq)).limit(q.pageSize).offset(offsetOf(q)),
    ctx.db.select({ total: count() }).from(auditEvents).where(cond),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** The audit log as an .xlsx ledger (newest first, at most 50,000 events); the export itself is audited. */
export async function exportAuditEvents(ctx: ActorContext, q: AuditFilter): Promise<Buffer> {
  const rows = await ctx.db.select().from(auditEvents).where(auditWhere(ctx, q)).orderBy(desc(auditEvents.seq)).limit(AUDIT_EXPORT_MAX_ROWS);
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, 2000));
  const buffer = await buildLedgerWorkbook({
    sheetName: '审计日志',
    title: `${ctx.actor.tenantName}系统审计日志`,
    unitName: ctx.actor.tenantName,
    columns: [
      { header: '流水号', width: 10, value: (r: (typeof rows)[number]) => r.seq },
      { header: '时间', width: 22, value: (r) => r.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
      { header: '操作人', width: 20, value: (r) => r.actorName },
      { header: '操作', width: 24, value: (r) => r.action },
      { header: '对象类型', width: 16, value: (r) => r.entityType },
      { header: '对象', width: 38, value: (r) => r.entityId },
      { header: '变更前', width: 40, value: (r) => json(r.before) },
      { header: '变更后', width: 40, value: (r) => json(r.after) },
      { header: '来源地址', width: 16, value: (r) => r.ip },
      { header: '原因', width: 24, value: (r) => r.reason },
      { header: '哈希', width: 20, value: (r) => r.hash.slice(0, 16) },
    ],
    rows,
    signOff: true,
  });
  await recordAudit(ctx.db, ctx, { action: 'audit.exported', entityType: 'audit_log', after: { rows: rows.length, filter: q } });
  return buffer;
}
