import { z } from 'zod';
import { trainingKinds } from './instructors.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const instructorIdParams = z.object({ id: z.string().uuid('无效的指导员编号') });
export const assignmentParams = z.object({ id: z.string().uuid(), orgId: z.string().uuid() });

export const instructorSummary = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  hiredOn: z.string().nullable(),
  status: z.enum(['active', 'left']),
  orgCount: z.number().int(),
  trainingHours: z.number().int(),
});
export const instructorListResponse = z.object({ items: z.array(instructorSummary) });

export const guidedOrgState = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  since: z.string(),
  memberCount: z.number().int(),
  centreMeetsStandard: z.boolean().nullable(),
  openFindings: z.number().int(),
  overdueFindings: z.number().int(),
  lastTourScore: z.number().nullable(),
});

export const instructorDetailResponse = instructorSummary.extend({
  trainings: z.array(z.object({ id: z.string(), kind: z.enum(trainingKinds), title: z.string(), heldOn: z.string(), hours: z.number().int() })),
  orgs: z.array(guidedOrgState),
});
export type InstructorDetail = z.infer<typeof instructorDetailResponse>;

export const createInstructorBody = z.object({
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  userId: z.string().uuid().optional(),
  hiredOn: isoDate.optional(),
});
export type CreateInstructorBody = z.infer<typeof createInstructorBody>;

export const updateInstructorBody = z.object({
  name: z.string().trim().min(1, '姓名不能为空').max(50).optional(),
  hiredOn: isoDate.nullable().optional(),
  status: z.enum(['active', 'left']).optional(),
});
export type UpdateInstructorBody = z.infer<typeof updateInstructorBody>;

export const addTrainingBody = z.object({
  kind: z.enum(trainingKinds),
  title: z.string().trim().min(1, '请填写培训名称').max(100),
  heldOn: isoDate,
  hours: z.number().int().min(0).max(1000),
});
export type AddTrainingBody = z.infer<typeof addTrainingBody>;

export const assignOrgBody = z.object({ orgId: z.string().uuid(), since: isoDate.optional() });
export type AssignOrgBody = z.infer<typeof assignOrgBody>;
