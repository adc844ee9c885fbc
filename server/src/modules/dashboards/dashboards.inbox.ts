import { and, eq, like, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { InboxItem } from '../../platform/module.js';
import type { Actor, ActorContext, AppServices } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { workingDaysBetween } from '../../platform/working-days.js';
import { users } from '../accounts/accounts.table.js';
import { orgUnits } from '../org-units/index.js';
import { tenants } from '../tenants/index.js';
import { cachedByStamp } from './dashboards.compute.js';
import { dailyDigests, type DigestItem } from './dashboards.table.js';

/** Overdue items reach the next level up once they are this many working days past due. */
export const ESCALATE_AFTER_WORKING_DAYS = 3;

/** Roles whose own to-dos escalate to the level above them when overdue. */
const escalatingRoles = new Set(['secretary', 'grid_worker', 'instructor', 'unit_contact']);
/** Roles that receive what escalates from the levels below them. */
const supervisingRoles = new Set(['secretary', 'street_admin']);

export interface InboxEntry extends InboxItem {
  module: string;
  escalated: boolean;
  /** Whose to-do it was, for an escalated item. */
  ownerName: string | null;
}

async function moduleItems(ctx: ActorContext): Promise<Array<InboxItem & { module: string }>> {
  const { modules } = await import('../registry.js');
  const out: Array<InboxItem & { module: string }> = [];
  for (const m of modules) {
    if (!m.inbox) continue;
    try {
      for (const item of await m.inbox(ctx)) out.push({ ...item, module: m.name });
    } catch {
      // One module's failing inbox must not hide everyone else's to-dos.
    }
  }
  return out;
}

type UserRow = typeof users.$inferSelect;

interface ActorPlace {
  code: string;
  tenantName: string;
  path: string;
  orgName: string | null;
}

/** The actor a stored user acts as, given her street and scope unit, built the way sessions build it. */
function actorFrom(services: AppServices, u: UserRow, place: ActorPlace): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    tenantId: u.tenantId,
    tenantCode: place.code,
    tenantName: place.tenantName,
    scopeOrgId: u.scopeOrgId!,
    scopePath: place.path,
    scopeOrgName: place.orgName ?? place.tenantName,
    memberId: u.memberId,
    permissions: services.permissions.forRoles(u.roles),
    sessionId: 'system',
  };
}

/** The actor a stored user acts as (for digests), reading her street and scope unit. */
async function actorOf(db: Db, services: AppServices, u: UserRow): Promise<Actor | null> {
  if (!u.scopeOrgId) return null;
  const [row] = await db
    .select({ code: tenants.code, tenantName: tenants.name, path: orgUnits.path, orgName: orgUnits.name })
    .from(tenants)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, tenants.id), eq(orgUnits.id, u.scopeOrgId)))
    .where(eq(tenants.id, u.tenantId));
  if (!row?.path) return null;
  return actorFrom(services, u, { ...row, path: row.path });
}

function isLongOverdue(item: InboxItem, today: string): boolean {
  if (item.severity !== 'overdue' || !item.dueAt) return false;
  const due = shanghaiDate(new Date(item.dueAt));
  return workingDaysBetween(due, today) > ESCALATE_AFTER_WORKING_DAYS;
}

/**
 * Escalation: overdue items of the users below the actor (secretaries, grid workers … whose scope
 * lies strictly inside the actor's) appear in the actor's inbox once they are more than
 * ESCALATE_AFTER_WORKING_DAYS working days late — for the next level up only: a grid worker's item goes to
 * the village secretary above her, and reaches the street only where no secretary stands in between.
 */
async function escalatedItems(ctx: ActorContext, today: string): Promise<InboxEntry[]> {
  const below = await ctx.db
    .select({ u: users, path: orgUnits.path, orgName: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.scopeOrgId)))
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.status, 'active'), ne(users.id, ctx.actor.userId), like(orgUnits.path, ctx.actor.scopePath + '_%')))
    .limit(200);
  // The next level up only: an item escalates to this actor unless someone supervises a level in between.
  const supervisors = below.filter(({ u }) => u.roles.some((r) => supervisingRoles.has(r)));
  const out: InboxEntry[] = [];
  for (const { u, path, orgName } of below) {
    if (!u.roles.some((r) => escalatingRoles.has(r))) continue;
    if (supervisors.some((v) => v.u.id !== u.id && v.path.length < path.length && path.startsWith(v.path))) continue;
    // Same street as the actor, scope unit from the join above: no query per user.
    const actor = actorFrom(ctx.services, u, { code: ctx.actor.tenantCode, tenantName: ctx.actor.tenantName, path, orgName });
    const sub: ActorContext = { ...ctx, actor };
    for (const item of await moduleItems(sub)) {
      if (!isLongOverdue(item, today)) continue;
      out.push({ ...item, title: `【上报】${u.displayName}：${item.title}`, escalated: true, ownerName: u.displayName });
    }
  }
  return out;
}

const severityRank = { overdue: 0, warning: 1, info: 2 } as const;

/** The actor's to-do inbox: every module's items plus overdue items escalated from below. */
export async function collectInbox(ctx: ActorContext, today: string = shanghaiDate()): Promise<InboxEntry[]> {
  const own: InboxEntry[] = (await moduleItems(ctx)).map((i) => ({ ...i, escalated: false, ownerName: null }));
  // Escalation walks the inboxes of up to 200 users below: computed once per actor and day until the street next
  // writes (the header badge refreshes every minute; logins and exports do not move the stamp).
  const escalated = await cachedByStamp(ctx.services, ctx.db, ctx.tenantId, `inbox-escalation|${ctx.actor.userId}|${ctx.actor.scopeOrgId}|${today}`, () =>
    escalatedItems(ctx, today),
  );
  const items = [...own, ...escalated];
  return items.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
}

/** The number shown on the header badge: each item counts as its `count` (a grouped item) or 1. */
export function inboxCount(items: readonly InboxItem[]): number {
  return items.reduce((n, i) => n + (i.count ?? 1), 0);
}

function toDigestItem(i: InboxEntry): DigestItem {
  return { kind: i.kind, title: i.title, link: i.link, severity: i.severity, count: i.count, dueAt: i.dueAt ?? null, escalated: i.escalated };
}

/**
 * Builds one digest per active user per day (instead of a message per event): every street's users,
 * their inbox on `date`. Re-running the same day replaces that day's digest. Returns how many were stored.
 */
export async function buildDailyDigests(db: Db, services: AppServices, date: string = shanghaiDate()): Promise<{ users: number; digests: number }> {
  const rows = await db.select().from(users).where(and(ne(users.tenantId, 0), eq(users.status, 'active')));
  let digests = 0;
  for (const u of rows) {
    const actor = await actorOf(db, services, u);
    if (!actor) continue;
    const ctx: ActorContext = { db, actor, tenantId: u.tenantId, ip: '127.0.0.1', requestId: `digest-${date}`, services };
    const items = await collectInbox(ctx, date);
    if (items.length === 0) continue;
    const values = {
      tenantId: u.tenantId,
      userId: u.id,
      day: date,
      items: items.map(toDigestItem),
      itemCount: inboxCount(items),
      overdueCount: items.filter((i) => i.severity === 'overdue').reduce((n, i) => n + (i.count ?? 1), 0),
    };
    await db
      .insert(dailyDigests)
      .values(values)
      .onConflictDoUpdate({ target: [dailyDigests.tenantId, dailyDigests.userId, dailyDigests.day], set: { items: values.items, itemCount: values.itemCount, overdueCount: values.overdueCount, createdAt: new Date() } });
    digests++;
  }
  return { users: rows.length, digests };
}

/** The actor's digest for a day (null when nothing was waiting). */
export async function getDigest(ctx: ActorContext, day: string) {
  const [row] = await ctx.db.select().from(dailyDigests).where(and(eq(dailyDigests.tenantId, ctx.tenantId), eq(dailyDigests.userId, ctx.actor.userId), eq(dailyDigests.day, day)));
  if (!row) return null;
  return { day: row.day, items: row.items, itemCount: row.itemCount, overdueCount: row.overdueCount, createdAt: row.createdAt.toISOString() };
}
