import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { claimCategories, claimStates, pointCategories } from './points.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const uuid = z.string().uuid('无效的编号');
const cap = z.number().int().min(0).max(100000).nullable().default(null);

export const idParams = z.object({ id: uuid });

export const createRuleBody = z
  .object({
    category: z.enum(pointCategories),
    effectiveFrom: isoDate,
    pointsPerItem: z.number().int().min(0, '分值不能为负').max(1000),
    capPerDay: cap,
    capPerMonth: cap,
    capPerYear: cap,
    evidenceRequired: z.boolean().default(false),
    approvalRequired: z.boolean().default(true),
    note: z.string().trim().max(500).nullable().default(null),
  })
  .refine((r) => r.capPerDay === null || r.capPerMonth === null || r.capPerDay <= r.capPerMonth, { message: '每日上限不能大于每月上限', path: ['capPerDay'] })
  .refine((r) => r.capPerMonth === null || r.capPerYear === null || r.capPerMonth <= r.capPerYear, { message: '每月上限不能大于每年上限', path: ['capPerMonth'] });
export type CreateRuleBody = z.infer<typeof createRuleBody>;

export const ruleResponse = z.object({
  id: z.string(),
  category: z.enum(pointCategories),
  effectiveFrom: z.string(),
  pointsPerItem: z.number(),
  capPerDay: z.number().nullable(),
  capPerMonth: z.number().nullable(),
  capPerYear: z.number().nullable(),
  evidenceRequired: z.boolean(),
  approvalRequired: z.boolean(),
  note: z.string().nullable(),
});
export const ruleListResponse = z.object({ items: z.array(ruleResponse) });

export const createClaimBody = z.object({
  category: z.enum(claimCategories),
  /** When the work was done (ISO with offset); the Shanghai day of it picks the rule. */
  occurredAt: z.string().datetime({ offset: true, message: '时间格式无效' }),
  householdId: uuid.nullable().default(null),
  summary: z.string().trim().min(1, '请填写工作内容').max(500, '工作内容不能超过500字'),
  details: z.record(z.string(), z.string().max(1000)).default({}),
  beneficiaryCount: z.number().int().min(0).max(10000).default(0),
  beneficiaryNames: z.array(z.string().trim().min(1).max(50)).max(200).default([]),
  photoFileIds: z.array(uuid).max(9, '最多上传9张照片').default([]),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
});
export type CreateClaimBody = z.infer<typeof createClaimBody>;

export const claimResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  category: z.enum(claimCategories),
  categoryLabel: z.string(),
  occurredOn: z.string(),
  occurredAt: z.string(),
  householdId: z.string().nullable(),
  householdAddress: z.string().nullable(),
  pairingId: z.string().nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.string()),
  beneficiaryCount: z.number(),
  beneficiaryNames: z.array(z.string()),
  photoFileIds: z.array(z.string()),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  state: z.enum(claimStates),
  stateLabel: z.string(),
  points: z.number(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ClaimResponse = z.infer<typeof claimResponse>;

export const listClaimsQuery = pageQuery.extend({
  state: z.enum(claimStates).optional(),
  category: z.enum(claimCategories).optional(),
  orgId: uuid.optional(),
  memberId: uuid.optional(),
  householdId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only my own claims (a member's history). */
  mine: z.enum(['true', 'false']).optional(),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuery>;
export const claimListResponse = z.object({ items: z.array(claimResponse), total: z.number(), page: z.number(), pageSize: z.number() });

export const decideOneBody = z.object({ reason: z.string().trim().max(500).optional() });
export const rejectBody = z.object({ reason: z.string().trim().min(1, '退回时请填写原因').max(500) });
export const decideManyBody = z.object({
  ids: z.array(uuid).min(1, '请选择申报').max(5000),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).optional(),
});
export type DecideManyBody = z.infer<typeof decideManyBody>;
export const decideResponse = z.object({
  decided: z.number(),
  posted: z.number(),
  /** Claims that did not move: not pending, out of scope, the approver's own, or over a cap. */
  skipped: z.array(z.string()),
  /** Of the skipped, those an approval would have taken past a day/month/year cap; they stay pending. */
  overCap: z.array(z.object({ id: z.string(), cap: z.enum(['day', 'month', 'year']), limit: z.number() })),
});
export type DecideResponse = z.infer<typeof decideResponse>;

export const listEntriesQuery = pageQuery.extend({
  memberId: uuid.optional(),
  category: z.enum(pointCategories).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListEntriesQuery = z.infer<typeof listEntriesQuery>;
export const entryResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  category: z.enum(pointCategories),
  categoryLabel: z.string(),
  occurredOn: z.string(),
  points: z.number(),
  sourceKind: z.string(),
  sourceId: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type EntryResponse = z.infer<typeof entryResponse>;
export const entryListResponse = z.object({ items: z.array(entryResponse), total: z.number(), page: z.number(), pageSize: z.number() });
export const reverseBody = z.object({ reason: z.string().trim().min(1, '请填写冲销原因').max(500) });

export const periodQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    orgId: uuid.optional(),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const rankingQuery = pageQuery.extend({
  from: isoDate,
  to: isoDate,
  orgId: uuid.optional(),
  level: z.enum(['member', 'branch', 'unit']).default('member'),
});
export type RankingQuery = z.infer<typeof rankingQuery>;
/** The day of the latest ledger entry in the actor's scope: where the rankings page opens when this year has none. */
export const latestDayResponse = z.object({ latestDay: z.string().nullable() });

export const rankingRow = z.object({
  rank: z.number(),
  id: z.string(),
  name: z.string(),
  orgName: z.string().nullable(),
  total: z.number(),
  members: z.number(),
  perMember: z.number(),
  categories: z.number(),
});
export type RankingRow = z.infer<typeof rankingRow>;
export const rankingResponse = z.object({
  items: z.array(rankingRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  summary: z.object({ points: z.number(), members: z.number(), perMember: z.number(), completedAllSix: z.number() }),
});

export const myPointsResponse = z.object({
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  total: z.number(),
  byCategory: z.array(z.object({ category: z.enum(pointCategories), label: z.string(), points: z.number(), items: z.number() })),
  rankInBranch: z.number().nullable(),
  branchMembers: z.number(),
  rankInStreet: z.number().nullable(),
  streetMembers: z.number(),
  completedAllSix: z.boolean(),
});

export const pairingResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  householdId: z.string(),
  householdAddress: z.string(),
  headName: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  helps: z.number(),
});
export const pairingListResponse = z.object({ items: z.array(pairingResponse), total: z.number(), page: z.number(), pageSize: z.number() });
