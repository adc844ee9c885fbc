import { and, asc, eq, inArray } from 'drizzle-orm';
import { demoName, demoPhone } from '../../platform/demo-names.js';
import { maskPhone } from '../../platform/masking.js';
import type { SeedContext } from '../../platform/module.js';
import { randomInt } from '../../platform/random.js';
import { orgUnits } from '../org-units/index.js';
import { households, householdTags } from '../households/households.table.js';
import { users } from '../accounts/accounts.table.js';
import { buildings, gridGroups, gridStaff, grids } from './places.table.js';

/** Xingyang (荥阳) city centre, where 京城路街道 lies. */
const CENTRE = { lat: 34.7872, lng: 113.3836 };

function square(lat: number, lng: number, half: number) {
  return {
    type: 'Polygon',
    coordinates: [[[lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half]]],
  };
}

/** Grids (3–5 per village/community), buildings and about 7,500 households with special-group tags. */
export async function seedPlaces(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random, services } = ctx;
  const units = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community'])))
    .orderBy(asc(orgUnits.sortOrder));
  const groups = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'group')));
  const gridRows: (typeof grids.$inferInsert)[] = [];
  const buildingRows: (typeof buildings.$inferInsert)[] = [];
  const householdRows: (typeof households.$inferInsert)[] = [];
  units.forEach((unit, ui) => {
    const short = unit.name.replace(/党总支$/, '');
    const unitLat = CENTRE.lat + (Math.floor(ui / 5) - 2) * 0.012;
    const unitLng = CENTRE.lng + ((ui % 5) - 2) * 0.014;
    const unitGroups = groups.filter((g) => g.path.startsWith(unit.path));
    const gridCount = 3 + (ui % 3);
    for (let gi = 0; gi < gridCount; gi++) {
      const gridId = crypto.randomUUID();
      const lat = unitLat + (gi - 1) * 0.003;
      const lng = unitLng + (gi % 2) * 0.003;
      gridRows.push({ tenantId, id: gridId, orgId: unit.id, name: `${short}第${gi + 1}网格`, code: `${unit.divisionCode ?? ''}-${String(gi + 1).padStart(2, '0')}`, boundary: square(lat, lng, 0.0014), centerLat: lat, centerLng: lng });
      const bIds: string[] = [];
      for (let bi = 0; bi < 4; bi++) {
        const id = crypto.randomUUID();
        bIds.push(id);
        const group = unitGroups[(gi * 4 + bi) % Math.max(1, unitGroups.length)];
        buildingRows.push({
          tenantId,
          id,
          gridId,
          orgId: unit.id,
          name: unit.kind === 'village' ? `${short}${gi * 4 + bi + 1}组` : `${short}${gi * 4 + bi + 1}号楼`,
          address: `${short}${gi * 4 + bi + 1}号`,
          groupOrgId: gi === 0 && group ? group.id : null,
          lat: lat + (bi - 1.5) * 0.0005,
          lng: lng + (bi - 1.5) * 0.0004,
        });
      }
      const count = randomInt(random, 80, 110);
      for (let h = 0; h < count; h++) {
        const tags: string[] = [];
        if (random() < 0.15) tags.push(householdTags[randomInt(random, 0, householdTags.length - 1)]);
        const phone = demoPhone(random);
        const b = bIds[h % bIds.length];
        householdRows.push({
          tenantId,
          orgId: unit.id,
          gridId,
          buildingId: b,
          address: `${short}${gi * 4 + (h % 4) + 1}${unit.kind === 'village' ? '组' : '号楼'}${Math.floor(h / 4) + 1}${unit.kind === 'village' ? '号' : '室'}`,
          headName: demoName(random),
          headPhoneEnc: services.cipher.encrypt(phone),
          headPhoneMasked: maskPhone(phone),
          size: randomInt(random, 1, 6),
          tags,
        });
      }
    }
  });
  await db.insert(grids).values(gridRows);
  for (let i = 0; i < buildingRows.length; i += 500) await db.insert(buildings).values(buildingRows.slice(i, i + 500));
  for (let i = 0; i < householdRows.length; i += 500) await db.insert(households).values(householdRows.slice(i, i + 500));

  // Each 楼院党小组 serves the grid its buildings lie in.
  const links = new Map<string, { tenantId: number; gridId: string; groupOrgId: string }>();
  for (const b of buildingRows) {
    if (b.groupOrgId) links.set(`${b.gridId}/${b.groupOrgId}`, { tenantId, gridId: b.gridId, groupOrgId: b.groupOrgId });
  }
  if (links.size > 0) await db.insert(gridGroups).values([...links.values()]);

  // The demo grid worker works every grid of 石寨村; the village secretary is their 网格长.
  const staff = await db.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.username, ['wanggeyuan', 'shuji'])));
  const shizhai = units.find((u) => u.name === '石寨村党总支');
  if (shizhai) {
    const staffRows = gridRows
      .filter((g) => g.orgId === shizhai.id)
      .flatMap((g) => staff.map((u) => ({ tenantId, gridId: g.id ?? '', userId: u.id, role: u.username === 'shuji' ? ('head' as const) : ('worker' as const) })));
    if (staffRows.length > 0) await db.insert(gridStaff).values(staffRows);
  }
}
