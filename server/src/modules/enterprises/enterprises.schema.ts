import { z } from 'zod';
import { pageQuery, pagedResponse } from '../../platform/pagination.js';
import { hazardCategories } from '../hazards/index.js';
import { enterpriseCategories, enterpriseStatuses } from './enterprises.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const uuid = z.string().uuid('无效的编号');

export const enterpriseIdParams = z.object({ id: uuid });

export const enterpriseResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  gridId: z.string().nullable(),
  name: z.string(),
  category: z.enum(enterpriseCategories),
  creditCode: z.string().nullable(),
  address: z.string(),
  industry: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  status: z.enum(enterpriseStatuses),
  bannedOn: z.string().nullable(),
  bannedReason: z.string().nullable(),
  lastInspectedOn: z.string().nullable(),
  inspectionCount: z.number().int(),
});
export type EnterpriseResponse = z.infer<typeof enterpriseResponse>;
export const enterpriseListResponse = pagedResponse(enterpriseResponse);

export const listEnterprisesQuery = pageQuery.extend({
  category: z.enum(enterpriseCategories).optional(),
  status: z.enum(enterpriseStatuses).optional(),
  orgId: uuid.optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListEnterprisesQuery = z.infer<typeof listEnterprisesQuery>;

export const createEnterpriseBody = z.object({
  orgId: uuid,
  gridId: uuid.optional(),
  name: z.string().trim().min(1, '名称不能为空').max(100),
  category: z.enum(enterpriseCategories),
  creditCode: z.string().trim().max(40).optional(),
  address: z.string().trim().min(1, '地址不能为空').max(200),
  industry: z.string().trim().max(50).optional(),
  contactName: z.string().trim().max(30).optional(),
  contactPhone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不正确').optional(),
});
export type CreateEnterpriseBody = z.infer<typeof createEnterpriseBody>;

export const updateEnterpriseBody = createEnterpriseBody.omit({ orgId: true, category: true }).partial();
export type UpdateEnterpriseBody = z.infer<typeof updateEnterpriseBody>;

export const banEnterpriseBody = z.object({
  bannedOn: isoDate,
  reason: z.string().trim().min(2, '请填写取缔原因').max(500),
});
export type BanEnterpriseBody = z.infer<typeof banEnterpriseBody>;

export const createInspectionBody = z.object({
  inspectedOn: isoDate,
  topic: z.string().trim().min(1, '请填写检查主题').max(100),
  departments: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  summary: z.string().trim().max(1000).optional(),
  findings: z
    .array(
      z.object({
        description: z.string().trim().min(2, '请描述发现的问题').max(500),
        category: z.enum(hazardCategories).default('production'),
        photoFileIds: z.array(uuid).max(9).default([]),
      }),
    )
    .max(30)
    .default([]),
});
export type CreateInspectionBody = z.infer<typeof createInspectionBody>;

export const inspectionResponse = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  category: z.enum(enterpriseCategories),
  orgId: z.string(),
  orgName: z.string(),
  inspectedOn: z.string(),
  topic: z.string(),
  departments: z.array(z.string()),
  joint: z.boolean(),
  inspectorName: z.string(),
  summary: z.string().nullable(),
  findingCount: z.number().int(),
  findings: z.array(z.object({ id: z.string(), description: z.string(), hazardId: z.string().nullable() })),
});
export type InspectionResponse = z.infer<typeof inspectionResponse>;
export const inspectionListResponse = pagedResponse(inspectionResponse);

export const listInspectionsQuery = pageQuery.extend({
  enterpriseId: uuid.optional(),
  category: z.enum(enterpriseCategories).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  joint: z.enum(['true', 'false']).optional(),
});
export type ListInspectionsQuery = z.infer<typeof listInspectionsQuery>;

export const createDrillBody = z.object({
  orgId: uuid,
  enterpriseId: uuid.optional(),
  heldOn: isoDate,
  title: z.string().trim().min(1, '请填写演练名称').max(100),
  location: z.string().trim().min(1, '请填写演练地点').max(100),
  participants: z.number().int().min(0).max(100000).default(0),
  notes: z.string().trim().max(1000).optional(),
});
export type CreateDrillBody = z.infer<typeof createDrillBody>;

export const drillResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  enterpriseId: z.string().nullable(),
  heldOn: z.string(),
  title: z.string(),
  location: z.string(),
  participants: z.number().int(),
  notes: z.string().nullable(),
});
export type DrillResponse = z.infer<typeof drillResponse>;
export const drillListResponse = pagedResponse(drillResponse);
export const listDrillsQuery = pageQuery.extend({ from: isoDate.optional(), to: isoDate.optional() });
export type ListDrillsQuery = z.infer<typeof listDrillsQuery>;

export const ledgerQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
