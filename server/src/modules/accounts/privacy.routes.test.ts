import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';
import { residentRequests } from '../livelihood/requests.table.js';
import { members } from '../members/members.table.js';
import { runSecurityHousekeeping } from './housekeeping.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
});
afterAll(async () => t?.close());

/** Every row of every table in the public schema, as JSON text. */
async function dumpDatabase(): Promise<string> {
  const tables = await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const names = (tables as { rows: Array<{ table_name: string }> }).rows.map((r) => r.table_name);
  expect(names.length).toBeGreaterThan(20);
  const parts: string[] = [];
  for (const name of names) {
    const rows = await t.db.execute(sql.raw(`select row_to_json(x)::text as j from "${name}" x`));
    for (const r of (rows as { rows: Array<{ j: string }> }).rows) parts.push(r.j);
  }
  return parts.join('\n');
}

describe('PIPL data-subject requests', () => {
  test('a member sees their data, files a correction and a deletion request, and the administrator answers', async () => {
    const member = await t.login('dangyuan');
    const mine = await t.request({ method: 'GET', url: '/api/auth/privacy/my-data', cookie: member });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ account: { username: 'dangyuan', displayName: '张荣耀' } });
    expect((mine.json() as { memberId: string | null }).memberId).not.toBeNull();
    const filed = await t.request({ method: 'POST', url: '/api/auth/privacy/my-requests', cookie: member, payload: { kind: 'correct', details: '学历应为大学本科' } });
    expect(filed.statusCode).toBe(201);
    const del = await t.request({ method: 'POST', url: '/api/auth/privacy/my-requests', cookie: member, payload: { kind: 'delete', details: '请删除我的手机号' } });
    expect(del.statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: '/api/auth/privacy/my-requests', cookie: member, payload: { kind: 'delete', details: '' } })).statusCode).toBe(400);
    const id = (filed.json() as { id: string }).id;
    // A member cannot answer requests; the system administrator can.
    expect((await t.request({ method: 'GET', url: '/api/auth/privacy/requests', cookie: member })).statusCode).toBe(403);
    const xitong = await t.login('xitong');
    const open = await t.request({ method: 'GET', url: '/api/auth/privacy/requests?status=open', cookie: xitong });
    expect((open.json() as { total: number }).total).toBe(2);
    const answered = await t.request({ method: 'POST', url: `/api/auth/privacy/requests/${id}/answer`, cookie: xitong, payload: { status: 'done', answer: '已更正' } });
    expect(answered.statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `/api/auth/privacy/requests/${id}/answer`, cookie: xitong, payload: { status: 'done', answer: '再次' } })).statusCode).toBe(409);
    const list = await t.request({ method: 'GET', url: '/api/auth/privacy/my-requests', cookie: member });
    const items = (list.json() as { items: Array<{ kind: string; status: string; answer: string | null }> }).items;
    expect(items.map((i) => `${i.kind}:${i.status}`).sort()).toEqual(['correct:done', 'delete:open']);
  });

  test('the daily job erases contact details of public requests closed longer than the retention period', async () => {
    const [closed] = await t.db.select().from(residentRequests).where(sql`${residentRequests.state} in ('answered','rated','rejected')`).limit(1);
    if (!closed) throw new Error('demo has no closed request');
    await t.db.update(residentRequests).set({ updatedAt: new Date(Date.now() - 400 * 86_400_000) }).where(and(eq(residentRequests.tenantId, closed.tenantId), eq(residentRequests.id, closed.id)));
    const report = await runSecurityHousekeeping(t.db, t.services);
    expect(report.contactsErased).toBe(1);
    const [after] = await t.db.select().from(residentRequests).where(and(eq(residentRequests.tenantId, closed.tenantId), eq(residentRequests.id, closed.id)));
    expect(after).toMatchObject({ contactName: '（已删除）', phoneEnc: '', phoneMasked: '', phoneLast4: '' });
    expect(after?.title).toBe(closed.title);
    expect((await runSecurityHousekeeping(t.db, t.services)).contactsErased).toBe(0);
  });
});

describe('no secrets at rest', () => {
  test('after logins and member edits, no password, session token, full ID number or phone is in the audit log or any table', async () => {
    const admin = await t.login('admin');
    const token = admin.slice(admin.indexOf('.') + 1);
    await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'shuji', password: 'Wrong#Password1' } });
    const ms = await t.db.select().from(members).limit(3);
    const newPhone = '13987654321';
    for (const m of ms) {
      const idNumber = m.idNumberEnc ? t.services.cipher.decrypt(m.idNumberEnc) : null;
      const res = await t.request({ method: 'PATCH', url: `/api/members/${m.id}`, cookie: admin, payload: { phone: newPhone, ...(idNumber ? { idNumber } : {}) } });
      expect(res.statusCode).toBe(200);
    }
    await t.request({ method: 'POST', url: '/api/auth/password', cookie: admin, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Changed#2026pass' } });

    // What must never be stored in clear: every demo member's ID number and phone, the new phone, passwords, the token.
    const all = await t.db.select({ idNumberEnc: members.idNumberEnc, phoneEnc: members.phoneEnc }).from(members);
    const secrets = new Set<string>([newPhone]);
    for (const m of all) {
      if (m.idNumberEnc) secrets.add(t.services.cipher.decrypt(m.idNumberEnc));
      if (m.phoneEnc) secrets.add(t.services.cipher.decrypt(m.phoneEnc));
    }
    expect(secrets.size).toBeGreaterThan(100);
    const words = [TEST_PASSWORD, 'Wrong#Password1', 'Changed#2026pass', token];

    const audit = (await t.db.select().from(auditEvents)).map((e) => JSON.stringify(e)).join('\n');
    expect(audit).toContain('member');
    const dump = await dumpDatabase();
    for (const [name, text] of [['audit', audit], ['database', dump]] as const) {
      for (const w of words) expect(text.includes(w), `${name} contains a password or token`).toBe(false);
      const found = [...text.matchAll(/\d{17}[\dXx]|1\d{10}/g)].map((m) => m[0]).filter((s) => secrets.has(s) || secrets.has(s.toUpperCase()));
      expect(found, `${name} contains plaintext ID numbers or phones`).toEqual([]);
    }
  });
});
