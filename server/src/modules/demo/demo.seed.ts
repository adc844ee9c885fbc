import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { SeedContext } from '../../platform/module.js';
import { seededRandom } from '../../platform/random.js';
import type { AppServices } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { createUser } from '../accounts/index.js';
import { insertOrgUnit, orgUnits, type OrgUnit } from '../org-units/index.js';
import { createStreet, ensurePlatformTenant, PLATFORM_TENANT_ID, tenants } from '../tenants/index.js';
import { modules } from '../registry.js';

export const DEMO_STREET_CODE = '410182002';

export interface DemoLogin {
  username: string;
  role: Role;
  scope: string;
}

const chineseNumerals = ['一', '二', '三', '四', '五', '六'];

/** Units based in the street (共驻共建) with party organisations, from the report. */
const nonPublicOrgs: Array<{ name: string; kind: 'non_public' | 'social_org'; branches: string[] }> = [
  { name: '郑州中车党委', kind: 'non_public', branches: ['郑州中车生产车间党支部', '郑州中车机关党支部'] },
  { name: '明泰铝业党委', kind: 'non_public', branches: ['明泰铝业第一党支部'] },
  { name: '中原利达党支部', kind: 'non_public', branches: [] },
  { name: '豪布斯卡商业街区联合党支部', kind: 'non_public', branches: [] },
  { name: '京城路街道社会组织综合党委', kind: 'social_org', branches: ['志愿者协会党支部', '老年协会党支部'] },
];

export async function isDemoSeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).where(ne(tenants.id, PLATFORM_TENANT_ID)).limit(1);
  return rows.length > 0;
}

/**
 * Builds the demo street 京城路街道 from its division code: the org tree down to 楼院党小组,
 * a login for every role, then each module's demo data in seedOrder. Deterministic.
 */
export async function seedDemoStreet(db: Db, services: AppServices, password: string, log: (line: string) => void): Promise<DemoLogin[]> {
  await ensurePlatformTenant(db);
  const street = await createStreet(db, services, DEMO_STREET_CODE, { adminUsername: 'admin', adminPassword: password, validFrom: '2001-06-01' });
  const tenantId = street.tenant.id;
  const random = seededRandom(20181111);
  const branchesByUnit = new Map<string, OrgUnit[]>();

  await db.transaction(async (tx) => {
    for (const unit of street.units) {
      const count = unit.kind === 'village' ? 3 + Math.floor(random() * 2) : 2 + Math.floor(random() * 2);
      const branches: OrgUnit[] = [];
      const base = unit.name.replace(/党总支$/, '');
      for (let i = 0; i < count; i++) {
        const branch = await insertOrgUnit(tx, { tenantId, parent: unit, kind: 'branch', name: `${base}第${chineseNumerals[i]}党支部`, validFrom: '2005-07-01', sortOrder: i });
        branches.push(branch);
        if (i < 2) {
          const building = unit.kind === 'village' ? `${base}${chineseNumerals[i]}组` : `${base}${i + 1}号楼院`;
          await insertOrgUnit(tx, { tenantId, parent: branch, kind: 'group', name: `${building}党小组`, validFrom: '2018-06-01' });
        }
      }
      branchesByUnit.set(unit.id, branches);
    }
    for (const [i, o] of nonPublicOrgs.entries()) {
      const unit = await insertOrgUnit(tx, { tenantId, parent: street.committee, kind: o.kind, name: o.name, validFrom: '2012-01-01', sortOrder: 100 + i });
      const branches: OrgUnit[] = [];
      for (const [j, b] of o.branches.entries()) {
        branches.push(await insertOrgUnit(tx, { tenantId, parent: unit, kind: 'branch', name: b, validFrom: '2012-01-01', sortOrder: j }));
      }
      branchesByUnit.set(unit.id, branches);
    }
  });

  const byName = async (name: string) => {
    const [o] = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.name, name)));
    if (!o) throw new Error(`demo org ${name} missing`);
    return o;
  };
  const shizhai = await byName('石寨村党总支');
  const shizhaiBranch = await byName('石寨村第一党支部');
  const tielong = await byName('铁龙社区党总支');
  const crrc = await byName('郑州中车党委');

  const accounts: Array<{ username: string; displayName: string; role: Role; scope: OrgUnit | null; tenant: number }> = [
    { username: 'zhidaoyuan', displayName: '李明华（党建指导员）', role: 'instructor', scope: street.committee, tenant: tenantId },
    { username: 'shuji', displayName: '王建国（石寨村党总支书记）', role: 'secretary', scope: shizhai, tenant: tenantId },
    { username: 'wanggeyuan', displayName: '赵丽（石寨村网格员）', role: 'grid_worker', scope: shizhai, tenant: tenantId },
    { username: 'dangyuan', displayName: '张荣耀', role: 'member', scope: shizhaiBranch, tenant: tenantId },
    { username: 'danwei', displayName: '刘志强（郑州中车）', role: 'unit_contact', scope: crrc, tenant: tenantId },
    { username: 'jumin', displayName: '陈秀英（铁龙社区居民）', role: 'resident', scope: tielong, tenant: tenantId },
    { username: 'jijian', displayName: '孙正（纪检监察）', role: 'auditor', scope: street.committee, tenant: tenantId },
    { username: 'platform', displayName: '平台管理员', role: 'platform_admin', scope: null, tenant: PLATFORM_TENANT_ID },
    { username: 'xitong', displayName: '周伟（系统管理员）', role: 'system_admin', scope: street.committee, tenant: tenantId },
    { username: 'anquan', displayName: '吴静（安全管理员）', role: 'security_admin', scope: street.committee, tenant: tenantId },
    { username: 'shenji', displayName: '郑洁（审计管理员）', role: 'audit_admin', scope: street.committee, tenant: tenantId },
  ];
  for (const a of accounts) {
    await createUser(db, services, { tenantId: a.tenant, username: a.username, displayName: a.displayName, password, roles: [a.role], scopeOrgId: a.scope?.id ?? null });
  }

  const seedCtx: SeedContext = { db, tenantId, services, random, log };
  for (const m of [...modules].filter((x) => x.seedDemo).sort((a, b) => (a.seedOrder ?? 100) - (b.seedOrder ?? 100))) {
    const started = Date.now();
    await m.seedDemo?.(seedCtx);
    log(`  demo data: ${m.name} (${Date.now() - started} ms)`);
  }

  return [
    { username: 'admin', role: 'street_admin', scope: street.committee.name },
    ...accounts.map((a) => ({ username: a.username, role: a.role, scope: a.scope?.name ?? '全平台' })),
  ];
}

export const demoLoginList: Array<{ username: string; role: Role }> = [
  { username: 'admin', role: 'street_admin' },
  { username: 'zhidaoyuan', role: 'instructor' },
  { username: 'shuji', role: 'secretary' },
  { username: 'wanggeyuan', role: 'grid_worker' },
  { username: 'dangyuan', role: 'member' },
  { username: 'danwei', role: 'unit_contact' },
  { username: 'jumin', role: 'resident' },
  { username: 'jijian', role: 'auditor' },
  { username: 'platform', role: 'platform_admin' },
  { username: 'xitong', role: 'system_admin' },
  { username: 'anquan', role: 'security_admin' },
  { username: 'shenji', role: 'audit_admin' },
];
