import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { householdTags } from './households.table.js';

const uuid = z.string().uuid('无效的编号');
const phone = z.string().regex(/^1\d{10}$/, '手机号应为11位数字');

export const householdIdParams = z.object({ id: uuid });

export const listHouseholdsQuery = pageQuery.extend({
  orgId: uuid.optional(),
  gridId: uuid.optional(),
  tag: z.enum(householdTags).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListHouseholdsQuery = z.infer<typeof listHouseholdsQuery>;

export const householdResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  buildingId: z.string().nullable(),
  address: z.string(),
  headName: z.string(),
  headPhoneMasked: z.string().nullable(),
  size: z.number(),
  tags: z.array(z.string()),
});
export type HouseholdResponse = z.infer<typeof householdResponse>;
export const householdListResponse = z.object({ items: z.array(householdResponse), total: z.number(), page: z.number(), pageSize: z.number() });

export const createHouseholdBody = z.object({
  orgId: uuid,
  gridId: uuid.nullable().default(null),
  buildingId: uuid.nullable().default(null),
  address: z.string().trim().min(1, '请填写地址').max(200),
  headName: z.string().trim().min(1, '请填写户主姓名').max(50),
  headPhone: phone.nullable().default(null),
  size: z.number().int().min(1, '人口数至少为1').max(50),
  tags: z.array(z.enum(householdTags)).max(10).default([]),
});
export type CreateHouseholdBody = z.infer<typeof createHouseholdBody>;
export const updateHouseholdBody = createHouseholdBody.omit({ orgId: true }).partial();
export type UpdateHouseholdBody = z.infer<typeof updateHouseholdBody>;

const activityItem = z.object({
  id: z.string(),
  kind: z.enum(['visit', 'pairing', 'dispute', 'difficulty']),
  occurredOn: z.string(),
  memberName: z.string(),
  summary: z.string(),
  state: z.string(),
});
export const householdDetailResponse = householdResponse.extend({
  visits: z.array(activityItem),
  cases: z.array(activityItem),
  pairings: z.array(z.object({ id: z.string(), memberName: z.string(), startedOn: z.string(), endedOn: z.string().nullable(), helps: z.array(activityItem) })),
});
export type HouseholdDetailResponse = z.infer<typeof householdDetailResponse>;

export const importResponse = z.object({
  created: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
});
export type ImportResponse = z.infer<typeof importResponse>;
