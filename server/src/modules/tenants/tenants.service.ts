import { asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { AppServices } from '../../platform/request-context.js';
import { recordAudit, type AuditSource } from '../audit/index.js';
import { createUser, generatePassword } from '../accounts/index.js';
import { insertOrgUnit, type OrgUnit } from '../org-units/index.js';
import { findStreet, listVillages } from './divisions.js';
import { tenants } from './tenants.table.js';

export type Tenant = typeof tenants.$inferSelect;

export const PLATFORM_TENANT_ID = 0;

/** The platform tenant holds platform administrators; it has no org tree. */
export async function ensurePlatformTenant(db: Db): Promise<void> {
  await db.insert(tenants).values({ id: PLATFORM_TENANT_ID, code: '000000000', name: '共建平台' }).onConflictDoNothing();
}

export interface CreatedStreet {
  tenant: Tenant;
  committee: OrgUnit;
  units: OrgUnit[];
  adminUsername: string;
  adminPassword: string;
}

export interface CreateStreetOptions {
  adminUsername?: string;
  adminPassword?: string;
  source?: (tenantId: number) => AuditSource;
  validFrom?: string;
}

/**
 * Starts a street from its 9-digit division code: the tenant, its 党工委, one party organisation for each
 * village (村) and community (社区) in the national division data, and an admin login. All or nothing.
 */
export async function createStreet(db: Db, services: AppServices, code: string, opts: CreateStreetOptions = {}): Promise<CreatedStreet> {
  if (!/^\d{9}$/.test(code)) throw fieldError('code', '街道代码应为9位数字');
  const street = findStreet(code);
  if (!street) throw fieldError('code', `区划代码 ${code} 不是已知的乡镇/街道`);
  const villages = await listVillages(code);
  const [existing] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, code));
  if (existing) throw new AppError('CONFLICT', `${street.name}（${code}）已经建立`);
  const adminUsername = opts.adminUsername ?? `admin-${code}`;
  const adminPassword = opts.adminPassword ?? generatePassword();
  const validFrom = opts.validFrom ?? '2000-01-01';
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ code, name: street.name, provinceName: street.provinceName, cityName: street.cityName, areaName: street.areaName })
      .returning();
    const committee = await insertOrgUnit(tx, {
      tenantId: tenant.id,
      parent: null,
      kind: 'street_committee',
      name: `${street.name}党工委`,
      divisionCode: null,
      validFrom,
    });
    const units: OrgUnit[] = [];
    let order = 0;
    for (const v of villages) {
      units.push(
        await insertOrgUnit(tx, {
          tenantId: tenant.id,
          parent: committee,
          kind: v.kind,
          name: `${v.shortName}党总支`,
          divisionCode: v.code,
          validFrom,
          sortOrder: order++,
        }),
      );
    }
    await createUser(tx, services, {
      tenantId: tenant.id,
      username: adminUsername,
      displayName: `${street.name}管理员`,
      password: adminPassword,
      roles: ['street_admin'],
      scopeOrgId: committee.id,
    });
    await recordAudit(tx, opts.source?.(tenant.id) ?? { tenantId: tenant.id, system: 'street-create' }, {
      action: 'tenant.create',
      entityType: 'tenant',
      entityId: String(tenant.id),
      after: { code, name: street.name, villages: villages.length },
    });
    return { tenant, committee, units, adminUsername, adminPassword };
  });
}

export async function listTenants(db: Db): Promise<Tenant[]> {
  return db.select().from(tenants).where(ne(tenants.id, PLATFORM_TENANT_ID)).orderBy(asc(tenants.code));
}

export async function getTenantByCode(db: Db, code: string): Promise<Tenant | undefined> {
  const [t] = await db.select().from(tenants).where(eq(tenants.code, code));
  return t;
}
