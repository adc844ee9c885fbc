import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';
import { cellText } from '../../platform/excel.js';
import { members } from './members.table.js';
import { buildMessyRoster, validIdNumber, type MessyRoster } from './members.test-factory.js';

let t: TestApp;
let adminCookie: string;
let roster: MessyRoster;

function form(file: Buffer, fields: Record<string, string> = {}, name = 'roster.xlsx'): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(file)]), name);
  return fd;
}

async function post(url: string, payload: FormData, cookie = adminCookie) {
  return t.request({ method: 'POST', url, payload: payload as never, cookie });
}

async function readSheet(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  adminCookie = await t.login('admin');
  const [zhang] = await t.db.select().from(members).where(eq(members.name, '张荣耀'));
  roster = await buildMessyRoster({ existingIdNumber: t.services.cipher.decrypt(zhang.idNumberEnc ?? ''), inScopeBranch: '石寨村第一党支部', otherBranch: '铁龙社区第一党支部' });
});
afterAll(async () => t.close());

describe('member routes: permissions and scope', () => {
  it('lists masked data; searching zry finds 张荣耀', async () => {
    const res = await t.request({ method: 'GET', url: '/api/members?q=zry', cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const zhang = body.items.find((m: { name: string }) => m.name === '张荣耀');
    expect(zhang.idNumberMasked).toMatch(/^410182\*{8}/);
    expect(zhang.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(JSON.stringify(body)).not.toMatch(/idNumberEnc|phoneEnc/);
  });

  it('a resident gets 403; a secretary gets 404 for another village; a member reads only /me', async () => {
    const jumin = await t.login('jumin');
    expect((await t.request({ method: 'GET', url: '/api/members', cookie: jumin })).statusCode).toBe(403);
    const [outsider] = await t.db.select({ id: members.id }).from(members).where(eq(members.name, '张荣耀'));
    const danwei = await t.login('danwei');
    expect((await t.request({ method: 'GET', url: `/api/members/${outsider.id}`, cookie: danwei })).statusCode).toBe(403);
    const dangyuan = await t.login('dangyuan');
    const me = await t.request({ method: 'GET', url: '/api/members/me', cookie: dangyuan });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: '张荣耀', orgName: '石寨村第一党支部' });
    expect((await t.request({ method: 'GET', url: '/api/members', cookie: dangyuan })).statusCode).toBe(403);
  });

  it('a secretary cannot read or edit 铁龙社区 members (404)', async () => {
    const shuji = await t.login('shuji');
    const list = await t.request({ method: 'GET', url: '/api/members?q=' + encodeURIComponent('张荣耀'), cookie: adminCookie });
    expect(list.statusCode).toBe(200);
    const tielong = await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: adminCookie });
    const branch = tielong.json().items.find((o: { name: string }) => o.name === '铁龙社区第一党支部');
    const inTielong = await t.request({ method: 'GET', url: `/api/members?orgId=${branch.id}`, cookie: adminCookie });
    const target = inTielong.json().items[0].id;
    expect((await t.request({ method: 'GET', url: `/api/members/${target}`, cookie: shuji })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/members/${target}`, cookie: shuji, payload: { address: '改' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/members/${target}/state`, cookie: shuji, payload: { action: 'leave', reason: 'x' } })).statusCode).toBe(404);
  });

  it('reveal needs member.reveal, returns no-store plaintext and is audited with the reason', async () => {
    const [zhang] = await t.db.select().from(members).where(eq(members.name, '张荣耀'));
    const shuji = await t.login('shuji');
    expect((await t.request({ method: 'POST', url: `/api/members/${zhang.id}/reveal`, cookie: shuji, payload: { field: 'phone', reason: '联系' } })).statusCode).toBe(403);
    const res = await t.request({ method: 'POST', url: `/api/members/${zhang.id}/reveal`, cookie: adminCookie, payload: { field: 'phone', reason: '通知开会' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().value).toMatch(/^1\d{10}$/);
    expect(res.json().value.slice(-4)).toBe(zhang.phoneLast4);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'member.reveal'), eq(auditEvents.entityId, zhang.id)));
    expect(events.map((e) => e.reason)).toContain('通知开会');
    const noReason = await t.request({ method: 'POST', url: `/api/members/${zhang.id}/reveal`, cookie: adminCookie, payload: { field: 'phone', reason: '' } });
    expect(noReason.statusCode).toBe(400);
  });
});

describe('member import', () => {
  it('the template downloads with the header row', async () => {
    const res = await t.request({ method: 'GET', url: '/api/members/import/template', cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[2]).toEqual(expect.arrayContaining(['姓名', '身份证号', '所在党支部', '入党日期']));
  });

  it('dry run reports each row of a messy roster, commit writes exactly those rows, rejects come back with reasons', async () => {
    const dry = await post('/api/members/import/dry-run', form(roster.buffer));
    expect(dry.statusCode).toBe(200);
    const plan = dry.json();
    const fates = Object.fromEntries(plan.rows.map((r: { rowNumber: number; fate: string }) => [r.rowNumber, r.fate]));
    expect(fates).toEqual(Object.fromEntries([...roster.createRows.map((n) => [n, 'create']), ...roster.rejectRows.map((n) => [n, 'reject'])]));
    const byRow = new Map<number, { reasons: string[]; joinDate: string; name: string; category: string }>(plan.rows.map((r: { rowNumber: number }) => [r.rowNumber, r]));
    expect(byRow.get(4)).toMatchObject({ name: '李小明', joinDate: '2018-06-01', category: 'formal' });
    expect(byRow.get(5)).toMatchObject({ joinDate: '2018-06-01', category: 'probationary' });
    expect(byRow.get(6)).toMatchObject({ joinDate: '2018-06-01' });
    expect(byRow.get(10)).toMatchObject({ joinDate: '2018-06-01' });
    expect(byRow.get(7)?.reasons).toContain('身份证号校验位错误');
    expect(byRow.get(8)?.reasons).toContain('与第4行身份证号重复');
    expect(byRow.get(9)?.reasons).toContain('该身份证号已在本街道党员名册中');
    expect(byRow.get(12)?.reasons.join()).toMatch(/入党日期/);
    expect(plan.summary).toEqual({ total: 8, create: 4, reject: 4 });
    expect(await t.db.select().from(members).where(inArray(members.name, roster.createNames))).toHaveLength(0);

    const rejected = await post('/api/members/import/rejected', form(roster.buffer));
    expect(rejected.statusCode).toBe(200);
    const rejRows = await readSheet(rejected.rawPayload);
    expect(rejRows[1]).toContain('未导入原因');
    expect(rejRows.slice(2).filter((r) => r.some(Boolean))).toHaveLength(4);
    expect(rejRows.slice(2).map((r) => r[r.length - 1])).toEqual(expect.arrayContaining(['身份证号校验位错误', '与第4行身份证号重复']));

    const commit = await post('/api/members/import/commit', form(roster.buffer, { token: plan.token, planDigest: plan.planDigest }));
    expect(commit.statusCode).toBe(200);
    const created = await t.db.select().from(members).where(inArray(members.name, roster.createNames));
    expect(created.map((m) => m.name).sort()).toEqual([...roster.createNames].sort());
    const wang = created.find((m) => m.name === '王芳');
    expect(wang && t.services.cipher.decrypt(wang.idNumberEnc ?? '')).toBe(roster.ids.b.toUpperCase());
    expect(wang?.phoneMasked).toBe('139****1111');
    const li = created.find((m) => m.name === '李小明');
    expect(li && t.services.cipher.decrypt(li.phoneEnc ?? '')).toBe('13812345678');
    expect(li?.birthDate).toBe('1985-03-12');
    expect(await t.db.select().from(members).where(inArray(members.name, ['钱多', '孙丽', '周强', '郑好']))).toHaveLength(0);

    // The same file again: every row's fate changed (now duplicates) → CONFLICT, nothing written.
    const again = await post('/api/members/import/commit', form(roster.buffer, { token: plan.token, planDigest: plan.planDigest }));
    expect(again.statusCode).toBe(409);
    expect(await t.db.select().from(members).where(inArray(members.name, roster.createNames))).toHaveLength(4);
  });

  it('refuses a commit whose fates changed since the dry run, and a file that differs from the token', async () => {
    const other = await buildMessyRoster({ existingIdNumber: validIdNumber(900), inScopeBranch: '石寨村第二党支部', otherBranch: '石寨村第一党支部', seed: 300 });
    const plan = (await post('/api/members/import/dry-run', form(other.buffer))).json();
    const branch = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: adminCookie })).json().items.find((o: { name: string }) => o.name === '石寨村第二党支部');
    const made = await t.request({ method: 'POST', url: '/api/members', cookie: adminCookie, payload: { orgId: branch.id, name: '抢先登记', idNumber: other.ids.c, category: 'formal' } });
    expect(made.statusCode).toBe(201);
    const res = await post('/api/members/import/commit', form(other.buffer, { token: plan.token, planDigest: plan.planDigest }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(await t.db.select().from(members).where(inArray(members.name, ['李小明', '王芳']))).toHaveLength(2); // only the first import's
    const wrongFile = await post('/api/members/import/commit', form(roster.buffer, { token: plan.token, planDigest: plan.planDigest }));
    expect(wrongFile.statusCode).toBe(409);
  });

  it('a garbage file and an 11 MB file get clear errors', async () => {
    const garbage = await post('/api/members/import/dry-run', form(Buffer.from('this is not a spreadsheet at all')));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ code: 'VALIDATION', message: '文件不是有效的 .xlsx 表格' });
    const brokenZip = await post('/api/members/import/dry-run', form(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)])));
    expect(brokenZip.statusCode).toBe(400);
    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet('x').addRow(['a', 'b']);
    const nh = await post('/api/members/import/dry-run', form(Buffer.from(await noHeader.xlsx.writeBuffer())));
    expect(nh.statusCode).toBe(400);
    expect(nh.json().message).toMatch(/表头/);
    const big = await post('/api/members/import/dry-run', form(Buffer.alloc(11 * 1024 * 1024, 0x41)));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('member export', () => {
  it('has the title row, masked data, escaped formula cells and the current filters', async () => {
    const res = await t.request({ method: 'GET', url: '/api/members/export.xlsx?q=' + encodeURIComponent('李小明'), cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0][0]).toBe('京城路街道党工委党员名册');
    expect(rows[1].join('')).toMatch(/导出日期：\d{4}-\d{2}-\d{2}/);
    const header = rows[2];
    const data = rows.filter((r) => r.includes('李小明'));
    expect(data).toHaveLength(1);
    expect(data[0][header.indexOf('身份证号')]).toMatch(/^410182\*{8}\d{3}[\dX]$/);
    expect(data[0][header.indexOf('手机号')]).toBe('138****5678');
    expect(data[0][header.indexOf('家庭住址')]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows.flat().join()).not.toContain('13812345678');
  });

  it('the whole roster is streamed in keyset pages: every active member once, in branch then pinyin order, with the count in the totals row', async () => {
    const admin = await t.contextFor('admin');
    const { streamMembersForExport } = await import('./members.service.js');
    // Pages of 7 rows, joined, are the same rows in the same order as one page of everything.
    const paged: string[] = [];
    for await (const r of streamMembersForExport(admin, { state: 'active' }, 7)) paged.push(r.id);
    const whole: { id: string; name: string; orgPath: string }[] = [];
    for await (const r of streamMembersForExport(admin, { state: 'active' }, 100_000)) whole.push(r);
    const active = await t.db.select({ id: members.id }).from(members).where(eq(members.state, 'active'));
    expect(whole.length).toBe(active.length);
    expect(paged).toEqual(whole.map((r) => r.id));
    expect(new Set(paged).size).toBe(active.length);
    // Roster order: branch by branch (org path), so a branch's rows never come back once they end.
    const paths = whole.map((r) => r.orgPath);
    expect(paths).toEqual([...paths].sort());

    const res = await t.request({ method: 'GET', url: '/api/members/export.xlsx?state=active', cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    const header = rows[2];
    const body = rows.slice(3).filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body.map((r) => r[header.indexOf('姓名')])).toEqual(whole.map((r) => r.name));
    expect(rows.flat()).toContain(`${active.length}人`);
  });

  it('plaintext export needs member.reveal', async () => {
    const shuji = await t.login('shuji');
    expect((await t.request({ method: 'GET', url: '/api/members/export.xlsx?reveal=true', cookie: shuji })).statusCode).toBe(403);
    const res = await t.request({ method: 'GET', url: '/api/members/export.xlsx?reveal=true&q=' + encodeURIComponent('李小明'), cookie: adminCookie });
    expect((await readSheet(res.rawPayload)).flat()).toContain('13812345678');
  });
});
