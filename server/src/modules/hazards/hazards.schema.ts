import { z } from 'zod';
import { rectificationStates } from '../rectification/index.js';
import { hazardCategories, hazardResolutions, hazardSeverities, hazardSourceKinds } from './hazards.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const fileIds = z.array(z.string().uuid('无效的附件编号')).max(9, '照片不能超过9张');
export const latitude = z.number().min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
export const longitude = z.number().min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');

export const hazardIdParams = z.object({ id: z.string().uuid('无效的隐患编号') });

export const fixNowBody = z.object({
  note: z.string().trim().min(1, '请说明整改情况').max(2000),
  evidenceFileIds: fileIds.min(1, '立即整改须上传整改后的照片'),
});
export type FixNowBody = z.infer<typeof fixNowBody>;

export const createHazardBody = z
  .object({
    category: z.enum(hazardCategories),
    severity: z.enum(hazardSeverities).default('general'),
    description: z.string().trim().min(1, '请描述隐患情况').max(2000, '描述不能超过2000字'),
    lat: latitude.optional(),
    lng: longitude.optional(),
    address: z.string().trim().max(200, '地址不能超过200字').optional(),
    gridId: z.string().uuid().optional(),
    buildingId: z.string().uuid().optional(),
    /** Village/community when neither a grid, a building nor a point inside a grid tells it. */
    orgId: z.string().uuid().optional(),
    photoFileIds: fileIds.default([]),
    /** Fixed on the spot: the report closes at once with evidence (立即整改). */
    fixNow: fixNowBody.optional(),
  })
  .superRefine((v, c) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) c.addIssue({ code: 'custom', path: ['lat'], message: '经纬度须同时填写' });
    if (v.lat === undefined && !v.address) c.addIssue({ code: 'custom', path: ['address'], message: '请在地图上选点或填写地址' });
  });
export type CreateHazardBody = z.infer<typeof createHazardBody>;

export const deadlineFixBody = z.object({
  orgId: z.string().uuid('请选择责任单位'),
  responsibleName: z.string().trim().min(1, '请填写责任人').max(50),
  responsibleUserId: z.string().uuid().nullable().optional(),
  measures: z.string().trim().min(1, '请填写整改措施').max(2000),
  deadline: z.union([
    z.object({ workingDays: z.number().int().min(1, '整改期限至少1个工作日').max(365) }),
    z.object({ date: isoDate }),
  ]),
});
export type DeadlineFixBody = z.infer<typeof deadlineFixBody>;

export const linkHazardBody = z.object({
  photoFileIds: fileIds.default([]),
  note: z.string().trim().max(500).optional(),
});
export type LinkHazardBody = z.infer<typeof linkHazardBody>;

export const nearbyQuery = z.object({
  category: z.enum(hazardCategories),
  lat: z.coerce.number().min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
  lng: z.coerce.number().min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
  radius: z.coerce.number().min(1).max(500).default(50),
});

export const hazardStatus = z.enum(['pending', 'fixed', 'rectifying', 'closed', 'merged']);
export type HazardStatus = z.infer<typeof hazardStatus>;

export const hazardResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  buildingId: z.string().nullable(),
  category: z.enum(hazardCategories),
  severity: z.enum(hazardSeverities),
  description: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: z.string(),
  photoFileIds: z.array(z.string()),
  sourceKind: z.enum(hazardSourceKinds),
  reporterName: z.string(),
  reportedBy: z.string().nullable(),
  reportedAt: z.string(),
  reportCount: z.number(),
  resolution: z.enum(hazardResolutions).nullable(),
  status: hazardStatus,
  fixedAt: z.string().nullable(),
  fixNote: z.string(),
  fixEvidenceFileIds: z.array(z.string()),
  rectificationItemId: z.string().nullable(),
  rectificationState: z.enum(rectificationStates).nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  duplicateOfId: z.string().nullable(),
});
export type HazardResponse = z.infer<typeof hazardResponse>;

export const nearbyResponse = z.object({ items: z.array(hazardResponse.extend({ distance: z.number() })) });

export const listHazardsQuery = z.object({
  /** Keyset cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  category: z.enum(hazardCategories).optional(),
  status: hazardStatus.optional(),
  orgId: z.string().uuid().optional(),
  gridId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type ListHazardsQuery = z.infer<typeof listHazardsQuery>;

export const listHazardsResponse = z.object({ items: z.array(hazardResponse), nextCursor: z.string().nullable() });

export const mapHazardsQuery = z.object({ gridId: z.string().uuid().optional(), category: z.enum(hazardCategories).optional() });
export const mapHazardsResponse = z.object({
  items: z.array(z.object({ id: z.string(), lat: z.number(), lng: z.number(), category: z.enum(hazardCategories), severity: z.enum(hazardSeverities), description: z.string(), overdue: z.boolean() })),
  truncated: z.boolean(),
});

export const hazardFiguresQuery = z.object({ from: isoDate, to: isoDate, orgId: z.string().uuid().optional() });

export const hazardFiguresResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  figures: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unit: z.string(),
      kind: z.enum(['count', 'sum', 'ratio']),
      value: z.number(),
      numerator: z.number().optional(),
      denominator: z.number().optional(),
      reported: z.object({ value: z.number(), text: z.string() }).nullable(),
    }),
  ),
});
