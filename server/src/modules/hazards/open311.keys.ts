import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { open311Keys } from './hazards.table.js';

export const open311KeyResponse = z.object({ id: z.string(), name: z.string(), keyPrefix: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable() });
export const open311KeyCreatedResponse = open311KeyResponse.extend({ apiKey: z.string() });

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function toResponse(k: typeof open311Keys.$inferSelect) {
  return {
    id: k.id,
    name: k.name,
    keyPrefix: k.keyPrefix,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
    lastUsedAt: k.lastUsedAt ? k.lastUsedAt.toISOString() : null,
  };
}

/** Issues a key for an Open311 client; the key is shown once and only its hash is stored. */
export async function createOpen311Key(ctx: ActorContext, name: string) {
  const apiKey = `gj311_${randomBytes(24).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(open311Keys)
      .values({ tenantId: ctx.tenantId, name, keyHash: hashApiKey(apiKey), keyPrefix: apiKey.slice(0, 10), createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'open311.key.create', entityType: 'open311_key', entityId: row.id, after: { name, keyPrefix: row.keyPrefix } });
    return { ...toResponse(row), apiKey };
  });
}

export async function listOpen311Keys(ctx: ActorContext) {
  const rows = await ctx.db.select().from(open311Keys).where(eq(open311Keys.tenantId, ctx.tenantId)).orderBy(desc(open311Keys.createdAt));
  return { items: rows.map(toResponse) };
}

export async function revokeOpen311Key(ctx: ActorContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(open311Keys)
      .set({ revokedAt: new Date() })
      .where(and(eq(open311Keys.tenantId, ctx.tenantId), eq(open311Keys.id, id), isNull(open311Keys.revokedAt)))
      .returning();
    if (!row) throw notFound('密钥');
    await recordAudit(tx, ctx, { action: 'open311.key.revoke', entityType: 'open311_key', entityId: id });
  });
}

/** The street and key behind an api_key, or null for an unknown or revoked key. */
export async function resolveOpen311Key(db: Db, apiKey: string): Promise<{ tenantId: number; keyId: string; name: string } | null> {
  const [row] = await db
    .select()
    .from(open311Keys)
    .where(and(eq(open311Keys.keyHash, hashApiKey(apiKey)), isNull(open311Keys.revokedAt)))
    .limit(1);
  if (!row) return null;
  await db.update(open311Keys).set({ lastUsedAt: new Date() }).where(and(eq(open311Keys.tenantId, row.tenantId), eq(open311Keys.id, row.id)));
  return { tenantId: row.tenantId, keyId: row.id, name: row.name };
}
