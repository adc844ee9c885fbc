import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { defaultRateSettings } from './resettlement.rates.js';
import type { SettingsResponse, UpdateSettingsBody } from './settings.schema.js';
import { livelihoodSettings } from './resettlement.table.js';

const defaults: SettingsResponse = { ...defaultRateSettings, satisfiedMinRating: 4, version: 1, updatedAt: null };

async function readSettings(db: Db, tenantId: number): Promise<SettingsResponse> {
  const [row] = await db.select().from(livelihoodSettings).where(eq(livelihoodSettings.tenantId, tenantId));
  if (!row) return defaults;
  return {
    startedMilestone: row.startedMilestone,
    startedWhen: row.startedWhen,
    contractBasis: row.contractBasis,
    moveBackBasis: row.moveBackBasis,
    satisfiedMinRating: row.satisfiedMinRating,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The street's rate definitions (the defaults until a street admin changes them). */
export async function getSettings(ctx: ActorContext): Promise<SettingsResponse> {
  return readSettings(ctx.db, ctx.tenantId);
}

/** Replaces the street's rate definitions: refused when another admin saved first (stale version); audited with before/after. */
export async function updateSettings(ctx: ActorContext, input: UpdateSettingsBody): Promise<SettingsResponse> {
  return ctx.db.transaction(async (tx) => {
    // Lock the row (or create it) so two saves cannot both pass the version check.
    await tx.insert(livelihoodSettings).values({ tenantId: ctx.tenantId }).onConflictDoNothing();
    await tx.select().from(livelihoodSettings).where(eq(livelihoodSettings.tenantId, ctx.tenantId)).for('update');
    const before = await readSettings(tx, ctx.tenantId);
    if (before.version !== input.version) throw new AppError('CONFLICT', '设置已被他人修改，请刷新后重试', { version: before.version });
    const next = {
      startedMilestone: input.startedMilestone,
      startedWhen: input.startedWhen,
      contractBasis: input.contractBasis,
      moveBackBasis: input.moveBackBasis,
      satisfiedMinRating: input.satisfiedMinRating,
    };
    await tx
      .update(livelihoodSettings)
      .set({ ...next, version: before.version + 1, updatedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(eq(livelihoodSettings.tenantId, ctx.tenantId));
    const { version: _v, updatedAt: _u, ...was } = before;
    await recordAudit(tx, ctx, {
      action: 'livelihood.settings.update',
      entityType: 'livelihood_settings',
      entityId: String(ctx.tenantId),
      before: { ...was, version: before.version },
      after: { ...next, version: before.version + 1 },
      reason: input.reason || undefined,
    });
    return readSettings(tx, ctx.tenantId);
  });
}
