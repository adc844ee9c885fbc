import { z } from 'zod';
import { disciplineKinds } from './discipline.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const idParams = z.object({ id: z.string().uuid('无效的编号') });

export const feedbackResponse = z.object({
  id: z.string(),
  inspection: z.string(),
  problem: z.string(),
  measures: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  responsibleName: z.string(),
  deadline: z.string(),
  evidenceFileIds: z.array(z.string()),
  rectificationItemId: z.string().nullable(),
  state: z.string().nullable(),
  overdue: z.boolean(),
});
export const feedbackListResponse = z.object({ items: z.array(feedbackResponse), summary: z.object({ total: z.number().int(), closed: z.number().int(), overdue: z.number().int() }) });

export const createFeedbackBody = z.object({
  inspection: z.string().trim().min(1, '请填写巡视（巡察）名称').max(100),
  items: z
    .array(
      z.object({
        problem: z.string().trim().min(1, '请填写问题').max(1000),
        measures: z.string().trim().min(1, '请填写整改措施').max(2000),
        orgId: z.string().uuid(),
        responsibleName: z.string().trim().min(1, '请填写责任人').max(50),
        deadline: isoDate,
        evidenceFileIds: z.array(z.string().uuid()).max(20).default([]),
      }),
    )
    .min(1)
    .max(200),
});
export type CreateFeedbackBody = z.infer<typeof createFeedbackBody>;

export const recheckBody = z.object({ reopen: z.boolean(), reason: z.string().trim().min(2, '请填写回头看意见').max(500) });
export type RecheckBody = z.infer<typeof recheckBody>;

export const disciplineRecordResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  decidedOn: z.string(),
  kind: z.enum(disciplineKinds),
  outcome: z.string(),
});
export const disciplineListResponse = z.object({ items: z.array(disciplineRecordResponse) });
export const createDisciplineBody = z.object({ memberId: z.string().uuid(), decidedOn: isoDate, kind: z.enum(disciplineKinds), outcome: z.string().trim().min(1).max(1000) });
export type CreateDisciplineBody = z.infer<typeof createDisciplineBody>;

export const coverageResponse = z.object({
  items: z.array(z.object({ orgId: z.string(), orgName: z.string(), orgKind: z.string(), supervisorName: z.string().nullable(), since: z.string().nullable() })),
  covered: z.number().int(),
  total: z.number().int(),
});
export const assignSupervisorBody = z.object({ orgId: z.string().uuid(), supervisorName: z.string().trim().min(1).max(50), userId: z.string().uuid().optional(), since: isoDate.optional() });
export type AssignSupervisorBody = z.infer<typeof assignSupervisorBody>;
