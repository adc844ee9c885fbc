import type { Db } from '../platform/db.js';
import { exec, sqlUuid, textArray, uuidArray, type StreetPlan } from './generate.city.js';

/** Two resettlement projects (the first two villages/communities), two phases each, with milestones, households and units. */
export async function resettlement(
  db: Db,
  plan: StreetPlan,
  P: string,
  uid: (tag: string, i?: string) => string,
  ri: (tag: string, count: number | string, i?: string) => string,
  report: (step: string, n: number) => void,
): Promise<void> {
  const T = plan.tenantId;
  const units = plan.units.slice(0, 2);
  const UNITS = uuidArray(units.map((u) => u.id));
  const UNAMES = textArray(units.map((u) => u.name));
  const NP = units.length;
  report(
    'housing_projects',
    await exec(
      db,
      `insert into housing_projects (tenant_id, id, org_id, kind, name, investment_fen, land_area_m_2, floor_area_m_2)
       select ${T}, ${uid('hp')}, (${UNITS})[1 + i], 'resettlement', (${UNAMES})[1 + i] || '安置房项目', (20000 + ${ri('hpi', 30000)})::bigint * 1000000, 20000 + ${ri('hpl', 30000)}, 60000 + ${ri('hpf', 90000)}
       from generate_series(0, ${NP - 1}) g(i)`,
    ),
  );
  // Phase j belongs to project j / 2.
  const phaseOrg = `(${UNITS})[1 + j / 2]`;
  await exec(
    db,
    `insert into housing_phases (tenant_id, id, project_id, org_id, name, sort_order)
     select ${T}, ${uid('hph', 'j')}, ${uid('hp', '(j / 2)')}, ${phaseOrg}, '第' || (j % 2 + 1) || '期', j % 2 from generate_series(0, ${NP * 2 - 1}) g(j)`,
  );
  const kinds = ['piling', 'raft', 'topping_out', 'insulation', 'acceptance', 'certificates', 'online_contract', 'move_back'];
  await exec(
    db,
    `insert into housing_milestones (tenant_id, id, phase_id, org_id, kind, planned_on, started_on, completed_on)
     select ${T}, ${sqlUuid(`'${P}hm:' || j || ':' || k`)}, ${uid('hph', 'j')}, ${phaseOrg}, (${textArray(kinds)})[k], date '2016-03-01' + k * 120,
       case when k <= done then date '2016-03-01' + k * 120 end, case when k < done then date '2016-03-01' + k * 120 + 100 end
     from (select j, 3 + ${ri('hmd', 6, 'j')} as done from generate_series(0, ${NP * 2 - 1}) g(j)) x cross join generate_series(1, 8) k`,
  );
  report(
    'resettlement_households',
    await exec(
      db,
      `insert into resettlement_households (tenant_id, id, phase_id, org_id, head_name, size, entitled_units, moved_back_on)
       select ${T}, ${uid('rh', 'i')}, ${uid('hph', '(i / 60)')}, (${UNITS})[1 + i / 120], '安置户' || i, 1 + ${ri('rhs', 5)}, 1 + ${ri('rhu', 2)},
         case when ${ri('rhm', 10)} < 6 then date '2018-01-01' + ${ri('rhd', 300)} end
       from generate_series(0, ${NP * 2 * 60 - 1}) g(i)`,
    ),
  );
  await exec(
    db,
    `insert into housing_buildings (tenant_id, id, phase_id, org_id, name, floors)
     select ${T}, ${uid('hb', 'b')}, ${uid('hph', '(b / 2)')}, (${UNITS})[1 + b / 4], (b % 2 + 1) || '号楼', 18 from generate_series(0, ${NP * 4 - 1}) g(b)`,
  );
  report(
    'housing_units',
    await exec(
      db,
      `insert into housing_units (tenant_id, id, building_id, phase_id, org_id, label, area_m_2, allocated_to, allocated_on, contract_signed_on)
       select ${T}, ${uid('hu', 'u')}, ${uid('hb', '(u / 36)')}, ${uid('hph', '(u / 72)')}, (${UNITS})[1 + u / 144], (u % 36 / 2 + 1) || '0' || (u % 2 + 1), 90 + ${ri('hua', 50, 'u')},
         case when u % 72 < 60 then ${uid('rh', '(u / 72 * 60 + u % 72)')} end, case when u % 72 < 60 then date '2018-03-01' end,
         case when u % 72 < 60 and ${ri('huc', 10, 'u')} < 7 then date '2018-04-01' + ${ri('hud', 200, 'u')} end
       from generate_series(0, ${NP * 4 * 36 - 1}) g(u)`,
    ),
  );
}

