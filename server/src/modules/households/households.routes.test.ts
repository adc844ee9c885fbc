import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

async function workbook(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户');
  ws.addRow(['石寨村住户登记表']);
  ws.addRow(['村（社区）', '网格', '地址', '户主', '电话', '人口', '标签']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer, filename = '住户.xlsx') {
  const boundary = 'gjhouseholds';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('households: scope, create, edit, import all-or-nothing, household page', () => {
  let t: TestApp;
  let admin: string;
  let secretary: string;
  let member: string;
  let shizhai: string;
  let tielong: string;
  let branch: string;
  let tielongHome: string;

  const count = async (address: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from households where address like ${address + '%'}`))[0].n;

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    [admin, secretary, member] = await Promise.all([t.login('admin'), t.login('shuji'), t.login('dangyuan')]);
    const orgs = await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from org_units where name in ('石寨村党总支', '铁龙社区党总支', '石寨村第一党支部')`);
    const byName = new Map(orgs.map((o) => [o.name, o.id]));
    shizhai = byName.get('石寨村党总支') ?? '';
    tielong = byName.get('铁龙社区党总支') ?? '';
    branch = byName.get('石寨村第一党支部') ?? '';
    const [h] = await queryRows<{ id: string }>(t.db, sql`select id from households where org_id = ${tielong} limit 1`);
    tielongHome = h.id;
  });
  afterAll(async () => t.close());

  it('a secretary and a member see only their village; other households answer 404; residents have no access', async () => {
    for (const cookie of [secretary, member]) {
      const list = await t.request({ method: 'GET', url: '/api/households?pageSize=200', cookie });
      expect(list.statusCode).toBe(200);
      const [n] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from households where org_id = ${shizhai}`);
      expect(list.json().total).toBe(n.n);
      expect(list.json().items.every((h: { orgName: string }) => h.orgName === '石寨村党总支')).toBe(true);
      expect((await t.request({ method: 'GET', url: `/api/households/${tielongHome}`, cookie })).statusCode).toBe(404);
    }
    expect((await t.request({ method: 'GET', url: `/api/households?orgId=${tielong}`, cookie: secretary })).statusCode).toBe(404);
    const all = await t.request({ method: 'GET', url: `/api/households?orgId=${tielong}&pageSize=1`, cookie: admin });
    expect(all.json().items[0].orgName).toBe('铁龙社区党总支');
    expect((await t.request({ method: 'GET', url: `/api/households/${tielongHome}`, cookie: admin })).statusCode).toBe(200);
    const jumin = await t.login('jumin');
    expect((await t.request({ method: 'GET', url: '/api/households', cookie: jumin })).statusCode).toBe(403);
  });

  it('filters by special-group tag and searches by address or head', async () => {
    const tagged = await t.request({ method: 'GET', url: `/api/households?tag=${encodeURIComponent('独居老人')}&pageSize=200`, cookie: secretary });
    expect(tagged.statusCode).toBe(200);
    expect(tagged.json().items.every((h: { tags: string[] }) => h.tags.includes('独居老人'))).toBe(true);
    const [n] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from households where org_id = ${shizhai} and '独居老人' = any(tags)`);
    expect(tagged.json().total).toBe(n.n);
    expect((await t.request({ method: 'GET', url: `/api/households?tag=${encodeURIComponent('富裕')}`, cookie: secretary })).statusCode).toBe(400);
  });

  it('creates and edits a household in scope; refuses other villages, branches and bad phones; the phone is masked', async () => {
    const body = { orgId: shizhai, address: '石寨村测试路1号', headName: '王测试', headPhone: '13812345678', size: 3, tags: ['低保'] };
    const ok = await t.request({ method: 'POST', url: '/api/households', cookie: secretary, payload: body });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ orgName: '石寨村党总支', headPhoneMasked: '138****5678', size: 3, tags: ['低保'] });
    expect(JSON.stringify(ok.json())).not.toContain('13812345678');
    expect((await t.request({ method: 'POST', url: '/api/households', cookie: secretary, payload: { ...body, orgId: tielong } })).statusCode).toBe(404);
    const onBranch = await t.request({ method: 'POST', url: '/api/households', cookie: secretary, payload: { ...body, orgId: branch } });
    expect(onBranch.statusCode).toBe(400);
    expect(onBranch.json().details[0].path).toBe('orgId');
    const badPhone = await t.request({ method: 'POST', url: '/api/households', cookie: secretary, payload: { ...body, headPhone: '12345' } });
    expect(badPhone.statusCode).toBe(400);
    expect((await t.request({ method: 'POST', url: '/api/households', cookie: member, payload: body })).statusCode).toBe(403);
    const edit = await t.request({ method: 'PATCH', url: `/api/households/${ok.json().id}`, cookie: secretary, payload: { size: 4, tags: ['低保', '残疾'] } });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ size: 4, tags: ['低保', '残疾'], address: '石寨村测试路1号' });
    expect((await t.request({ method: 'PATCH', url: `/api/households/${tielongHome}`, cookie: secretary, payload: { size: 2 } })).statusCode).toBe(404);
    const [audit] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_events where entity_id = ${ok.json().id}`);
    expect(audit.n).toBe(2);
  });

  it('import is all or nothing: one bad row imports nothing and every problem is listed by row', async () => {
    const bad = await workbook([
      ['石寨村', '', '石寨村导入路1号', '李一', '13900001111', 2, '独居老人'],
      ['石寨村', '', '石寨村导入路2号', '李二', '1390000', 3, ''],
      ['石寨村', '', '石寨村导入路3号', '李三', '', 2, '富裕户'],
      ['铁龙社区', '', '石寨村导入路4号', '李四', '', 1, ''],
      ['石寨村', '', '', '李五', '', 0, ''],
    ]);
    const r = await t.request({ method: 'POST', url: '/api/households/import', cookie: secretary, ...multipart(bad) });
    expect(r.statusCode).toBe(200);
    expect(r.json().created).toBe(0);
    const errors: Array<{ row: number; message: string }> = r.json().errors;
    expect(errors.map((e) => e.row)).toEqual([4, 5, 6, 7]);
    expect(errors[0].message).toContain('电话');
    expect(errors[1].message).toContain('富裕户');
    expect(errors[2].message).toContain('不在管理范围内');
    expect(errors[3].message).toContain('地址为空');
    expect(errors[3].message).toContain('人口数');
    expect(await count('石寨村导入路')).toBe(0);

    const good = await workbook([
      ['石寨村', '', '石寨村导入路1号', '李一', '13900001111', 2, '独居老人'],
      ['石寨村党总支', '', '石寨村导入路2号', '李二', '', 3, '低保、残疾'],
    ]);
    const ok = await t.request({ method: 'POST', url: '/api/households/import', cookie: secretary, ...multipart(good) });
    expect(ok.json()).toEqual({ created: 2, errors: [] });
    expect(await count('石寨村导入路')).toBe(2);
    const [row] = await queryRows<{ tags: string[]; masked: string }>(t.db, sql`select tags, head_phone_masked as masked from households where address = '石寨村导入路2号'`);
    expect(row.tags).toEqual(['低保', '残疾']);
  });

  it('import refuses a file without the header row, and a file that is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '年龄']);
    const noHeader = await t.request({ method: 'POST', url: '/api/households/import', cookie: secretary, ...multipart(Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(noHeader.statusCode).toBe(400);
    const junk = await t.request({ method: 'POST', url: '/api/households/import', cookie: secretary, ...multipart(Buffer.from('not a workbook at all')) });
    expect(junk.statusCode).toBe(400);
    expect((await t.request({ method: 'POST', url: '/api/households/import', cookie: member, ...multipart(Buffer.from('x')) })).statusCode).toBe(403);
  });

  it("a household's page lists its visits, pairings with their helps, and cases", async () => {
    const [h] = await queryRows<{ id: string }>(
      t.db,
      sql`select household_id as id from work_claims where org_id in (select id from org_units where path like (select path from org_units where id = ${shizhai}) || '%')
        and household_id is not null and household_id in (select household_id from pairings) group by household_id order by count(*) desc limit 1`,
    );
    const page = await t.request({ method: 'GET', url: `/api/households/${h.id}`, cookie: secretary });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    const [claims] = await queryRows<{ visits: number; pairs: number; helps: number }>(
      t.db,
      sql`select count(*) filter (where category = 'visit')::int as visits, count(*) filter (where category = 'pairing')::int as helps,
        (select count(*)::int from pairings where household_id = ${h.id}) as pairs from work_claims where household_id = ${h.id}`,
    );
    expect(body.visits).toHaveLength(claims.visits);
    expect(body.pairings).toHaveLength(claims.pairs);
    expect(body.pairings.reduce((a: number, p: { helps: unknown[] }) => a + p.helps.length, 0)).toBe(claims.helps);
  });
});
