import { z } from 'zod';

export const centreIdParams = z.object({ id: z.string().uuid('无效的阵地编号') });

export const standardItem = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '条目代码应为小写字母、数字或下划线'),
  label: z.string().trim().min(1, '条目名称不能为空').max(50),
});

export const standardResponse = z.object({
  id: z.string(),
  version: z.number().int(),
  items: z.array(standardItem),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type StandardResponse = z.infer<typeof standardResponse>;

export const publishStandardBody = z.object({
  items: z.array(standardItem).min(1, '至少一个条目').max(30),
  note: z.string().max(200).optional(),
});
export type PublishStandardBody = z.infer<typeof publishStandardBody>;

export const centreResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  name: z.string(),
  address: z.string(),
  areaM2: z.number().int(),
  openingHours: z.string(),
  photoFileIds: z.array(z.string()),
  transitional: z.boolean(),
  assessedAt: z.string().nullable(),
  meetsStandard: z.boolean(),
  results: z.record(z.string(), z.boolean()).nullable(),
  /** Labels of the current standard's items this centre does not meet (or all, if not assessed). */
  missing: z.array(z.string()),
});
export type CentreResponse = z.infer<typeof centreResponse>;

export const centreListResponse = z.object({
  items: z.array(centreResponse),
  standard: standardResponse.nullable(),
  summary: z.object({
    total: z.number().int(),
    meeting: z.number().int(),
    /** 达标率, percent 0–100 */
    rate: z.number(),
    notAssessed: z.number().int(),
    missingByItem: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
  }),
});

export const createCentreBody = z.object({
  orgId: z.string().uuid(),
  name: z.string().trim().min(1, '名称不能为空').max(100),
  address: z.string().trim().max(200).default(''),
  areaM2: z.number().int('面积应为整数平方米').min(1, '面积应大于0').max(100000),
  openingHours: z.string().trim().max(100).default(''),
  photoFileIds: z.array(z.string().uuid()).max(20).default([]),
  transitional: z.boolean().default(false),
});
export type CreateCentreBody = z.infer<typeof createCentreBody>;

export const updateCentreBody = createCentreBody.omit({ orgId: true }).partial();
export type UpdateCentreBody = z.infer<typeof updateCentreBody>;

export const assessCentreBody = z.object({ results: z.record(z.string(), z.boolean()) });
export type AssessCentreBody = z.infer<typeof assessCentreBody>;
