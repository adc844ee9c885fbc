import { z } from 'zod';
import { rectificationActions, rectificationSourceKinds, rectificationStates } from './rectification.table.js';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const note = z.string().trim().max(2000, '说明不能超过2000字');
const reason = z.string().trim().min(1, '请填写理由').max(1000, '理由不能超过1000字');
const fileIds = z.array(z.string().uuid('无效的附件编号')).max(20, '附件不能超过20个');

export const itemIdParams = z.object({ id: z.string().uuid('无效的整改事项编号') });

export const listItemsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  state: z.enum(rectificationStates).optional(),
  sourceKind: z.enum(rectificationSourceKinds).optional(),
  orgId: z.string().uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListItemsQuery = z.infer<typeof listItemsQuery>;

export const rectificationItemResponse = z.object({
  id: z.string(),
  sourceKind: z.enum(rectificationSourceKinds),
  sourceId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  measures: z.string(),
  responsibleName: z.string(),
  responsibleUserId: z.string().nullable(),
  state: z.enum(rectificationStates),
  startedAt: z.string(),
  deadline: z.string(),
  deadlineWorkingDays: z.number().nullable(),
  overdue: z.boolean(),
  trafficLight: z.enum(['green', 'yellow', 'red', 'none']),
  workingDaysLeft: z.number().nullable(),
  extensionCount: z.number(),
  pendingExtension: z.object({ deadline: z.string(), reason: z.string() }).nullable(),
  submittedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  createdAt: z.string(),
});
export type RectificationItemResponse = z.infer<typeof rectificationItemResponse>;

export const rectificationStepResponse = z.object({
  id: z.string(),
  action: z.enum(rectificationActions),
  fromState: z.enum(rectificationStates).nullable(),
  toState: z.enum(rectificationStates),
  actorName: z.string(),
  note: z.string(),
  evidenceFileIds: z.array(z.string()),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});

export const rectificationDetailResponse = rectificationItemResponse.extend({
  steps: z.array(rectificationStepResponse),
  evidenceFileIds: z.array(z.string()),
  allowedActions: z.array(z.enum(rectificationActions)),
});
export type RectificationDetailResponse = z.infer<typeof rectificationDetailResponse>;

export const listItemsResponse = z.object({
  items: z.array(rectificationItemResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  overdueCount: z.number().int(),
});

export const assignBody = z.object({
  responsibleName: z.string().trim().min(1, '请填写责任人').max(50),
  responsibleUserId: z.string().uuid().nullable().optional(),
  note: note.optional(),
});
export type AssignBody = z.infer<typeof assignBody>;

export const noteBody = z.object({ note: note.optional(), evidenceFileIds: fileIds.optional() });
export type NoteBody = z.infer<typeof noteBody>;

export const submitBody = z.object({
  note: z.string().trim().min(1, '请说明整改情况').max(2000),
  evidenceFileIds: fileIds.min(1, '请上传整改后的照片或材料'),
});
export type SubmitBody = z.infer<typeof submitBody>;

export const reasonBody = z.object({ reason });
export type ReasonBody = z.infer<typeof reasonBody>;

export const extensionBody = z.object({ deadline: isoDate, reason });
export type ExtensionBody = z.infer<typeof extensionBody>;

export const calendarDayResponse = z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });
export const calendarQuery = z.object({ year: z.coerce.number().int().min(2004).max(2100) });
export const calendarResponse = z.object({
  year: z.number(),
  /** The effective calendar of the year: holidays and make-up workdays (default data plus the street's corrections). */
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  overrides: z.array(calendarDayResponse),
});
export const calendarDayBody = z.object({ day: isoDate, kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(50).default('') });
export type CalendarDayBody = z.infer<typeof calendarDayBody>;
export const calendarDayParams = z.object({ day: isoDate });

export const deadlinePreviewQuery = z.object({ start: isoDate.optional(), workingDays: z.coerce.number().int().min(0).max(365) });
export const deadlinePreviewResponse = z.object({ start: z.string(), workingDays: z.number(), deadline: z.string() });
