import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricScope } from '../../platform/metrics.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { disciplineModule } from '../discipline/index.js';
import { instructorsModule } from '../instructors/index.js';
import { orgUnits } from '../org-units/index.js';
import { serviceCentresModule } from '../service-centres/index.js';
import { studyModule } from '../study/index.js';
import { toursModule } from '../tours/index.js';
import { partyWorkModule } from './index.js';

describe('party-building figures', () => {
  let t: TestApp;
  let scope: MetricScope;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    const ctx = await t.contextFor('admin');
    const [street] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.kind, 'street_committee')));
    scope = { db: t.db, tenantId: ctx.tenantId, orgPath: street.path, from: '2018-01-01', to: '2018-12-31' };
  });
  afterAll(async () => t.close());

  const metric = (id: string) => {
    const all = [partyWorkModule, serviceCentresModule, instructorsModule, toursModule, studyModule, disciplineModule].flatMap((m) => m.metrics ?? []);
    const m = all.find((x) => x.id === id);
    if (!m) throw new Error(id);
    return m;
  };

  it.each([
    ['centres.meeting_standard', 19],
    ['instructors.active', 16],
    ['discipline.members_disciplined', 7],
    ['tours.held', 1],
  ])('%s is %i and its records list exactly those rows', async (id, expected) => {
    const value = await metric(id).compute(scope);
    expect(value.value).toBe(expected);
    const records = await metric(id).records(scope, { page: 1, pageSize: 200 });
    expect(records.total).toBe(expected);
  });

  it('feedback closed on time: 10 of the 12 items due in 2018 (one closed late, one still open)', async () => {
    const v = await metric('discipline.feedback_closed_on_time').compute(scope);
    expect([v.numerator, v.denominator]).toEqual([10, 12]);
    expect((await metric('discipline.feedback_closed_on_time').records(scope, { page: 1, pageSize: 50 })).total).toBe(10);
  });

  it('notes checked and pass rate count the reviewed picks of the Q3 draw', async () => {
    const checked = await metric('study.notes_checked').compute(scope);
    const pass = await metric('study.notes_pass_rate').compute(scope);
    expect(pass.denominator).toBe(checked.value);
    expect((await metric('study.notes_pass_rate').records(scope, { page: 1, pageSize: 1000 })).total).toBe(pass.numerator);
    const attendance = await metric('study.attendance_rate').compute(scope);
    expect(attendance.value).toBeGreaterThan(80);
  });

  it('grassroots organisations count every kind toward the goal of 100', async () => {
    const total = await metric('party.grassroots_orgs').compute(scope);
    let sum = 0;
    for (const kind of ['village', 'community', 'non_public', 'social_org', 'branch', 'group']) sum += (await metric(`party.orgs.${kind}`).compute(scope)).value;
    expect(total.value).toBe(sum);
    expect((await metric('party.orgs.village').compute(scope)).value).toBe(8);
    expect((await metric('party.orgs.community').compute(scope)).value).toBe(13);
  });

  it('inbox: the secretary has drawn notes to check; the instructor has a tour to finish and overdue findings', async () => {
    const secretary = await studyModule.inbox?.(await t.contextFor('shuji'));
    expect(secretary?.find((i) => i.kind === 'study.notes.to_check')?.count).toBe(2);
    const instructor = await toursModule.inbox?.(await t.contextFor('zhidaoyuan'));
    expect(instructor?.find((i) => i.kind === 'tours.open')?.count).toBe(1);
    expect(instructor?.find((i) => i.kind === 'tours.finding.due')?.severity).toBe('overdue');
    expect(await studyModule.inbox?.(await t.contextFor('dangyuan'))).toEqual([]);
  });
});
