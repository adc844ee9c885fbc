import { z } from 'zod';
import { tourStates } from './tours.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const tourIdParams = z.object({ id: z.string().uuid('无效的观摩编号') });
export const stopParams = z.object({ id: z.string().uuid(), stopId: z.string().uuid('无效的观摩点') });

export const checklistItem = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '条目代码应为小写字母、数字或下划线'),
  label: z.string().trim().min(1).max(60),
  maxScore: z.number().int().min(1, '满分至少1分').max(100),
});
export const checklistResponse = z.object({ id: z.string(), name: z.string(), items: z.array(checklistItem), maxTotal: z.number().int() });
export const checklistListResponse = z.object({ items: z.array(checklistResponse) });
export const createChecklistBody = z.object({ name: z.string().trim().min(1).max(60), items: z.array(checklistItem).min(1).max(30) });
export type CreateChecklistBody = z.infer<typeof createChecklistBody>;

export const createTourBody = z.object({
  title: z.string().trim().min(1, '请填写观摩名称').max(100),
  plannedOn: isoDate,
  checklistId: z.string().uuid(),
  orgIds: z.array(z.string().uuid()).min(1, '至少选择一个观摩对象').max(60),
});
export type CreateTourBody = z.infer<typeof createTourBody>;

export const scoreStopBody = z.object({
  scores: z.record(z.string(), z.number().int('分数应为整数')),
  comment: z.string().trim().max(1000).optional(),
  photoFileIds: z.array(z.string().uuid()).max(20).optional(),
});
export type ScoreStopBody = z.infer<typeof scoreStopBody>;

export const addFindingBody = z.object({
  title: z.string().trim().min(1, '请填写问题').max(200),
  description: z.string().trim().max(2000).optional(),
  responsibleName: z.string().trim().min(1, '请填写责任人').max(50),
  responsibleUserId: z.string().uuid().optional(),
  deadline: z.union([z.object({ workingDays: z.number().int().min(1).max(120) }), z.object({ date: isoDate })]),
  photoFileIds: z.array(z.string().uuid()).max(20).optional(),
});
export type AddFindingBody = z.infer<typeof addFindingBody>;

export const findingResponse = z.object({
  id: z.string(),
  stopId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  responsibleName: z.string(),
  rectificationItemId: z.string().nullable(),
  state: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  photoFileIds: z.array(z.string()),
});

export const stopResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  seq: z.number().int(),
  scores: z.record(z.string(), z.number()).nullable(),
  totalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  comment: z.string().nullable(),
  photoFileIds: z.array(z.string()),
  scoredAt: z.string().nullable(),
});

export const tourSummary = z.object({
  id: z.string(),
  title: z.string(),
  plannedOn: z.string(),
  state: z.enum(tourStates),
  orgName: z.string(),
  stopCount: z.number().int(),
  scoredCount: z.number().int(),
  findingCount: z.number().int(),
});
export const tourListResponse = z.object({ items: z.array(tourSummary) });

export const tourDetailResponse = tourSummary.extend({
  checklist: checklistResponse,
  stops: z.array(stopResponse),
  findings: z.array(findingResponse),
});
export type TourDetail = z.infer<typeof tourDetailResponse>;
