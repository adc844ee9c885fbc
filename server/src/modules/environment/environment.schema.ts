import { z } from 'zod';
import { pageQuery, pagedResponse } from '../../platform/pagination.js';
import {
  entryApplicationStates,
  pollutionStates,
  pollutionTreatments,
  shutdownChecklistKeys,
  siteStandardKeys,
  type ShutdownChecklistKey,
  type SiteStandardKey,
} from './environment.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const uuid = z.string().uuid('无效的编号');
export const idParams = z.object({ id: uuid });

const checklistShape = Object.fromEntries(shutdownChecklistKeys.map((k) => [k, z.boolean()])) as Record<ShutdownChecklistKey, z.ZodBoolean>;
export const shutdownChecklist = z.object(checklistShape);
const siteChecksShape = Object.fromEntries(siteStandardKeys.map((k) => [k, z.boolean()])) as Record<SiteStandardKey, z.ZodBoolean>;
export const siteChecks = z.object(siteChecksShape);

export const pollutionResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  address: z.string(),
  operatorName: z.string().nullable(),
  problem: z.string(),
  treatment: z.enum(pollutionTreatments),
  state: z.enum(pollutionStates),
  checklist: shutdownChecklist,
  checklistComplete: z.boolean(),
  listedOn: z.string(),
  dueOn: z.string().nullable(),
  signedOffOn: z.string().nullable(),
  nextRecheckOn: z.string().nullable(),
  recheckIntervalDays: z.number().int(),
  rectification: z.object({ itemId: z.string(), state: z.string(), deadline: z.string(), overdue: z.boolean() }).nullable(),
});
export type PollutionResponse = z.infer<typeof pollutionResponse>;
export const pollutionListResponse = pagedResponse(pollutionResponse);

export const listPollutionQuery = pageQuery.extend({
  state: z.enum(pollutionStates).optional(),
  treatment: z.enum(pollutionTreatments).optional(),
  recheckDue: z.enum(['true']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListPollutionQuery = z.infer<typeof listPollutionQuery>;

export const createPollutionBody = z.object({
  orgId: uuid,
  name: z.string().trim().min(1, '名称不能为空').max(100),
  address: z.string().trim().min(1, '地址不能为空').max(200),
  operatorName: z.string().trim().max(30).optional(),
  problem: z.string().trim().min(2, '请描述存在的问题').max(500),
  treatment: z.enum(pollutionTreatments),
  listedOn: isoDate,
  recheckIntervalDays: z.number().int().min(7).max(180).default(30),
});
export type CreatePollutionBody = z.infer<typeof createPollutionBody>;

export const startRemediationBody = z.object({
  responsibleName: z.string().trim().min(1, '请填写责任人').max(30),
  responsibleUserId: uuid.optional(),
  deadlineWorkingDays: z.number().int().min(1).max(250),
  measures: z.string().trim().max(500).optional(),
});
export type StartRemediationBody = z.infer<typeof startRemediationBody>;

export const updateChecklistBody = shutdownChecklist.partial();
export type UpdateChecklistBody = z.infer<typeof updateChecklistBody>;

export const signOffBody = z.object({ signedOffOn: isoDate, note: z.string().trim().max(500).optional() });
export type SignOffBody = z.infer<typeof signOffBody>;

export const recheckBody = z.object({
  checkedOn: isoDate,
  passed: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type RecheckBody = z.infer<typeof recheckBody>;

export const recheckResponse = z.object({
  id: z.string(),
  checkedOn: z.string(),
  passed: z.boolean(),
  note: z.string().nullable(),
  checkerName: z.string(),
});
export const pollutionDetailResponse = pollutionResponse.extend({ rechecks: z.array(recheckResponse) });
export type PollutionDetailResponse = z.infer<typeof pollutionDetailResponse>;

export const siteResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  address: z.string(),
  stationedWorkerName: z.string().nullable(),
  stationedUserId: z.string().nullable(),
  active: z.boolean(),
  lastCheckedOn: z.string().nullable(),
  lastAllMet: z.boolean().nullable(),
});
export type SiteResponse = z.infer<typeof siteResponse>;
export const siteListResponse = z.object({ items: z.array(siteResponse) });

export const createSiteBody = z.object({
  orgId: uuid,
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(200),
  stationedWorkerName: z.string().trim().max(30).optional(),
  stationedUserId: uuid.optional(),
});
export type CreateSiteBody = z.infer<typeof createSiteBody>;

export const siteCheckBody = z.object({
  checkedOn: isoDate,
  checks: siteChecks,
  note: z.string().trim().max(500).optional(),
  /** A failed check opens a rectification item due in this many working days (default 1). */
  rectifyWithinWorkingDays: z.number().int().min(1, '整改期限至少1个工作日').max(30, '整改期限不能超过30个工作日').optional(),
});
export type SiteCheckBody = z.infer<typeof siteCheckBody>;

export const siteCheckResponse = z.object({
  id: z.string(),
  siteId: z.string(),
  checkedOn: z.string(),
  checks: siteChecks,
  allMet: z.boolean(),
  note: z.string().nullable(),
  checkerName: z.string(),
  /** The rectification item a failed check opened (null when every standard was met). */
  rectification: z.object({ itemId: z.string(), state: z.string(), deadline: z.string(), overdue: z.boolean() }).nullable(),
});
export type SiteCheckResponse = z.infer<typeof siteCheckResponse>;
export const siteCheckListResponse = pagedResponse(siteCheckResponse);
export const listSiteChecksQuery = pageQuery;

export const entryResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  applicantName: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string(),
  address: z.string(),
  description: z.string().nullable(),
  state: z.enum(entryApplicationStates),
  industryOk: z.boolean().nullable(),
  planningOk: z.boolean().nullable(),
  environmentOk: z.boolean().nullable(),
  reviewNote: z.string().nullable(),
  decisionReason: z.string().nullable(),
  submittedOn: z.string(),
  decidedOn: z.string().nullable(),
});
export type EntryResponse = z.infer<typeof entryResponse>;
export const entryListResponse = pagedResponse(entryResponse);
export const listEntriesQuery = pageQuery.extend({ state: z.enum(entryApplicationStates).optional() });
export type ListEntriesQuery = z.infer<typeof listEntriesQuery>;

export const createEntryBody = z.object({
  orgId: uuid,
  applicantName: z.string().trim().min(1, '请填写申请单位').max(100),
  creditCode: z.string().trim().max(40).optional(),
  industry: z.string().trim().min(1, '请填写行业').max(50),
  address: z.string().trim().min(1, '请填写拟进驻地址').max(200),
  description: z.string().trim().max(1000).optional(),
  submittedOn: isoDate,
});
export type CreateEntryBody = z.infer<typeof createEntryBody>;

export const reviewEntryBody = z.object({
  industryOk: z.boolean(),
  planningOk: z.boolean(),
  environmentOk: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type ReviewEntryBody = z.infer<typeof reviewEntryBody>;

export const decideEntryBody = z.object({
  decision: z.enum(['approve', 'refuse']),
  reason: z.string().trim().max(500).optional(),
});
export type DecideEntryBody = z.infer<typeof decideEntryBody>;

export const ledgerQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
