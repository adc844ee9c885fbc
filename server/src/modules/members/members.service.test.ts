import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ActorContext } from '../../platform/request-context.js';
import { auditEvents } from '../audit/audit.table.js';
import { orgUnits } from '../org-units/index.js';
import { listMembersQuery } from './members.schema.js';
import { changeMemberState, createMember, getMember, listMembers, revealMemberField, transferMember, updateMember } from './members.service.js';
import { members } from './members.table.js';
import { badCheckDigit, validIdNumber } from './members.test-factory.js';

let t: TestApp;
let admin: ActorContext;
let shuji: ActorContext;
const org = async (name: string) => {
  const [o] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, name));
  return o;
};
const q = (o: Record<string, unknown> = {}) => listMembersQuery.parse(o);
/** Hand count straight from the table: active members whose unit lies under `path`. */
const countUnder = async (path: string) => {
  const [r] = await t.db
    .select({ n: count() })
    .from(members)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
    .where(and(like(orgUnits.path, path + '%'), eq(members.state, 'active')));
  return r.n;
};

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.contextFor('admin');
  shuji = await t.contextFor('shuji');
});
afterAll(async () => t.close());

describe('member list: filters and scope', () => {
  it('admin sees the whole street; the branch filter takes the subtree', async () => {
    const all = await listMembers(admin, q());
    const [{ n }] = await t.db.select({ n: count() }).from(members).where(eq(members.state, 'active'));
    expect(all.total).toBe(n);
    expect(all.total).toBeGreaterThan(1100);
    const shizhai = await org('石寨村党总支');
    const filtered = await listMembers(admin, q({ orgId: shizhai.id, pageSize: 200 }));
    expect(filtered.total).toBe(await countUnder(shizhai.path));
    expect(filtered.items.every((m) => m.orgName.startsWith('石寨村'))).toBe(true);
  });

  it('secretary of 石寨村 sees only 石寨村 members, and 铁龙社区 members are NOT_FOUND', async () => {
    const shizhai = await org('石寨村党总支');
    const list = await listMembers(shuji, q({ pageSize: 200 }));
    expect(list.total).toBe(await countUnder(shizhai.path));
    const tielong = await org('铁龙社区党总支');
    const [outsider] = await t.db
      .select({ id: members.id })
      .from(members)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
      .where(like(orgUnits.path, tielong.path + '%'))
      .limit(1);
    await expect(getMember(shuji, outsider.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateMember(shuji, outsider.id, { address: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const filtered = await listMembers(shuji, q({ orgId: tielong.id }));
    expect(filtered.total).toBe(0);
  });

  it('filters by category, post and join year against hand counts', async () => {
    const prob = await listMembers(admin, q({ category: 'probationary' }));
    const [{ n: probN }] = await t.db.select({ n: count() }).from(members).where(and(eq(members.state, 'active'), eq(members.category, 'probationary')));
    expect(prob.total).toBe(probN);
    const secretaries = await listMembers(admin, q({ post: '书记', pageSize: 200 }));
    expect(secretaries.total).toBeGreaterThan(0);
    expect(secretaries.items.every((m) => m.posts.includes('书记'))).toBe(true);
    const y2018 = await listMembers(admin, q({ joinYear: 2018, pageSize: 200 }));
    expect(y2018.items.every((m) => m.joinDate?.startsWith('2018'))).toBe(true);
  });

  it('finds 张荣耀 by name, pinyin, initials and the last 4 phone digits', async () => {
    const [zhang] = await t.db.select().from(members).where(eq(members.name, '张荣耀'));
    for (const term of ['张荣耀', 'zry', 'ZRY', 'zhangrongyao', 'zhangr']) {
      const r = await listMembers(admin, q({ q: term, pageSize: 200 }));
      expect(r.items.map((m) => m.id), term).toContain(zhang.id);
    }
    const byPhone = await listMembers(admin, q({ q: zhang.phoneLast4 ?? '', pageSize: 200 }));
    expect(byPhone.items.map((m) => m.id)).toContain(zhang.id);
    expect(byPhone.items.every((m) => m.phoneMasked?.endsWith(zhang.phoneLast4 ?? '-'))).toBe(true);
    const full = t.services.cipher.decrypt(zhang.idNumberEnc ?? '');
    const byId = await listMembers(admin, q({ q: full }));
    expect(byId.items.map((m) => m.id)).toEqual([zhang.id]);
    expect(byId.items[0].idNumberMasked).toMatch(/^410182\*{8}\d{3}[\dX]$/);
  });
});

describe('create, edit, transfer and state', () => {
  it('creates with derived birth date and gender; a wrong check digit is a field error; duplicates conflict', async () => {
    const branch = await org('石寨村第二党支部');
    const id = validIdNumber(500, { birth: '19870415' });
    const m = await createMember(shuji, { orgId: branch.id, name: '测试党员', idNumber: id, phone: '13911112222', category: 'probationary', posts: [] });
    expect(m.birthDate).toBe('1987-04-15');
    expect(m.gender).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
    expect(m.phoneMasked).toBe('139****2222');
    const [row] = await t.db.select().from(members).where(eq(members.id, m.id));
    expect(row.idNumberEnc).not.toContain(id);
    expect(row.phoneEnc).not.toContain('13911112222');
    await expect(createMember(shuji, { orgId: branch.id, name: '错号', idNumber: badCheckDigit(validIdNumber(600)), category: 'formal', posts: [] })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'idNumber', message: '身份证号校验位错误' }],
    });
    await expect(createMember(admin, { orgId: branch.id, name: '重复', idNumber: id, category: 'formal', posts: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    const tielongBranch = await org('铁龙社区第一党支部');
    await expect(createMember(shuji, { orgId: tielongBranch.id, name: '越权', idNumber: validIdNumber(700), category: 'formal', posts: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('transfers between branches with history; out of scope target is NOT_FOUND', async () => {
    const from = await org('石寨村第一党支部');
    const to = await org('石寨村第二党支部');
    const [m] = await t.db.select().from(members).where(and(eq(members.orgId, from.id), eq(members.state, 'active'))).limit(1);
    const after = await transferMember(shuji, m.id, { toOrgId: to.id, transferDate: '2018-09-01', reason: '搬迁' });
    expect(after.orgId).toBe(to.id);
    expect(after.transfers[0]).toMatchObject({ fromOrgId: from.id, fromOrgName: '石寨村第一党支部', toOrgId: to.id, toOrgName: '石寨村第二党支部', transferDate: '2018-09-01', reason: '搬迁' });
    const tielongBranch = await org('铁龙社区第一党支部');
    await expect(transferMember(shuji, m.id, { toOrgId: tielongBranch.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(transferMember(shuji, m.id, { toOrgId: to.id })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('moves through the state workflow and refuses moves it does not allow', async () => {
    const branch = await org('石寨村第一党支部');
    const [m] = await t.db.select().from(members).where(and(eq(members.orgId, branch.id), eq(members.state, 'active'))).offset(3).limit(1);
    const left = await changeMemberState(shuji, m.id, { action: 'leave', reason: '自愿退党', date: '2018-10-01' });
    expect(left).toMatchObject({ state: 'left', stateDate: '2018-10-01', stateReason: '自愿退党' });
    await expect(changeMemberState(shuji, m.id, { action: 'death', reason: 'x' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(transferMember(shuji, m.id, { toOrgId: (await org('石寨村第二党支部')).id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await changeMemberState(shuji, m.id, { action: 'restore', reason: '误操作' })).state).toBe('active');
    expect((await changeMemberState(shuji, m.id, { action: 'death', reason: '病故' })).state).toBe('deceased');
    await expect(changeMemberState(shuji, m.id, { action: 'restore', reason: 'x' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const list = await listMembers(shuji, q({ state: 'deceased', pageSize: 200 }));
    expect(list.items.map((x) => x.id)).toContain(m.id);
  });

  it('reveal returns the plaintext and writes an audit record with the reason and no plaintext', async () => {
    const [zhang] = await t.db.select().from(members).where(eq(members.name, '张荣耀'));
    const r = await revealMemberField(admin, zhang.id, { field: 'idNumber', reason: '核对党费收缴' });
    expect(r.value).toBe(t.services.cipher.decrypt(zhang.idNumberEnc ?? ''));
    const [ev] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'member.reveal'), eq(auditEvents.entityId, zhang.id)));
    expect(ev.reason).toBe('核对党费收缴');
    expect(JSON.stringify(ev)).not.toContain(r.value ?? '-');
  });
});
