import { z } from 'zod';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4, '多边形至少需要4个点（首尾相同）');
export const gridBoundarySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

/** A GeoJSON geometry, Feature or single-feature FeatureCollection (object or the file's text), as street offices export them. */
export const boundaryBody = z.object({ geojson: z.unknown() });
/** A FeatureCollection whose features name their grids in properties (code / name / gridId). */
export const boundariesBody = z.object({ geojson: z.unknown() });
export const listGridsQuery = z.object({ orgId: z.string().uuid().optional(), mine: z.enum(['true', 'false']).optional() });
export const groupParams = z.object({ id: z.string().uuid(), groupOrgId: z.string().uuid() });
export const staffCandidatesResponse = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), roles: z.array(z.string()), scopeName: z.string() })),
});
export const groupCandidatesResponse = z.object({ items: z.array(z.object({ orgId: z.string(), name: z.string() })) });

export const gridIdParams = z.object({ id: z.string().uuid('无效的网格编号') });
export const staffParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });

export const gridResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  code: z.string(),
  boundary: gridBoundarySchema.nullable(),
  centerLat: z.number().nullable(),
  centerLng: z.number().nullable(),
  buildingCount: z.number(),
  householdCount: z.number(),
  staff: z.array(z.object({ userId: z.string(), name: z.string(), role: z.enum(['worker', 'head']) })),
  groups: z.array(z.object({ orgId: z.string(), name: z.string() })),
});
export type GridResponse = z.infer<typeof gridResponse>;

export const gridListResponse = z.object({ items: z.array(gridResponse) });

export const buildingResponse = z.object({
  id: z.string(),
  gridId: z.string(),
  name: z.string(),
  address: z.string(),
  groupOrgId: z.string().nullable(),
  groupName: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export const buildingListResponse = z.object({ items: z.array(buildingResponse) });

export const createGridBody = z.object({
  orgId: z.string().uuid(),
  name: z.string().trim().min(1, '请填写网格名称').max(50),
  code: z.string().trim().min(1).max(40),
});
export type CreateGridBody = z.infer<typeof createGridBody>;

export const staffBody = z.object({ userId: z.string().uuid(), role: z.enum(['worker', 'head']) });
export const groupLinkBody = z.object({ groupOrgId: z.string().uuid() });
export const buildingGroupBody = z.object({ groupOrgId: z.string().uuid().nullable() });
export const buildingIdParams = z.object({ id: z.string().uuid('无效的楼院编号') });
