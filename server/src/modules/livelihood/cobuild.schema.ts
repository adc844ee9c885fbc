import { z } from 'zod';
import { cobuildUnitKinds, needStates, projectStates } from './cobuild.table.js';
import { isoDate } from './resettlement.schema.js';

export const unitResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.enum(cobuildUnitKinds),
  contactName: z.string(),
  contactPhoneMasked: z.string().nullable(),
  reportedOrgId: z.string().nullable(),
  reportedOrgName: z.string().nullable(),
  reportedOn: z.string().nullable(),
  agreements: z.number(),
  memberReports: z.number(),
  projects: z.number(),
});

export const createUnitBody = z.object({
  orgId: z.string().uuid(),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(cobuildUnitKinds),
  contactName: z.string().trim().max(30).default(''),
  contactPhone: z.string().regex(/^1\d{10}$/, '请输入11位手机号').optional(),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const reportToCommunityBody = z.object({ communityOrgId: z.string().uuid(), date: isoDate });
export const createAgreementBody = z.object({ communityOrgId: z.string().uuid(), title: z.string().trim().min(2).max(200), signedOn: isoDate, validTo: isoDate.optional() });
export type CreateAgreementBody = z.infer<typeof createAgreementBody>;
export const memberReportBody = z.object({ communityOrgId: z.string().uuid(), memberName: z.string().trim().min(1).max(30), reportedOn: isoDate });

export const needResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  state: z.enum(needStates),
  postedOn: z.string(),
});
export const createNeedBody = z.object({
  orgId: z.string().uuid(),
  title: z.string().trim().min(2).max(200),
  description: z.string().max(2000).default(''),
  category: z.string().trim().min(1).max(30),
});
export type CreateNeedBody = z.infer<typeof createNeedBody>;
export const listNeedsQuery = z.object({ state: z.enum(needStates).optional() });

export const resourceResponse = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  offeredOn: z.string(),
});
export const createResourceBody = z.object({
  unitId: z.string().uuid().optional(),
  title: z.string().trim().min(2).max(200),
  description: z.string().max(2000).default(''),
  category: z.string().trim().min(1).max(30),
});
export type CreateResourceBody = z.infer<typeof createResourceBody>;

export const projectResponse = z.object({
  id: z.string(),
  needId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  state: z.enum(projectStates),
  claimedOn: z.string(),
  deliveredOn: z.string().nullable(),
  deliveryNote: z.string(),
  evidenceFileIds: z.array(z.string()),
  beneficiaries: z.number(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
});
export const claimNeedBody = z.object({ resourceId: z.string().uuid().optional(), unitId: z.string().uuid().optional() });
export const deliverBody = z.object({
  date: isoDate,
  note: z.string().trim().min(2, '请说明完成情况').max(2000),
  evidenceFileIds: z.array(z.string().uuid()).max(10).default([]),
  beneficiaries: z.number().int().min(0, '受益人数不能为负').max(1_000_000).default(0),
});
export type DeliverBody = z.infer<typeof deliverBody>;
export const rateProjectBody = z.object({ rating: z.number().int().min(1, '评分为1到5分').max(5, '评分为1到5分'), comment: z.string().max(500).optional() });

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const unitReportResponse = z.object({
  unitName: z.string(),
  year: z.number(),
  agreements: z.number(),
  memberReports: z.number(),
  resourcesOffered: z.number(),
  projectsClaimed: z.number(),
  projectsDelivered: z.number(),
  projectsRated: z.number(),
  averageRating: z.number().nullable(),
  beneficiaries: z.number(),
  projects: z.array(z.object({ title: z.string(), orgName: z.string(), state: z.string(), claimedOn: z.string(), deliveredOn: z.string().nullable(), rating: z.number().nullable() })),
  summary: z.string(),
});
