import { z } from 'zod';
import { campaignTargetKinds } from './campaigns.table.js';
import { isoDate } from './resettlement.schema.js';

/** The quantity ledger's items and their units (the report's 创文创卫 figures); units are kept on every row. */
export const campaignItems = {
  person_times: { label: '组织人员', unit: '人次', kind: 'work' },
  rubbish_m3: { label: '清理杂物垃圾', unit: '立方米', kind: 'work' },
  ads_removed: { label: '清除小广告', unit: '条', kind: 'work' },
  washed_m2: { label: '冲洗地面', unit: '平方米', kind: 'work' },
  swept_m2: { label: '清扫路面', unit: '平方米', kind: 'work' },
  vehicles_ordered: { label: '规范机动车停放', unit: '辆', kind: 'work' },
  green_belt_m2: { label: '清理绿化带', unit: '平方米', kind: 'work' },
  walls_repaired_m2: { label: '修补墙体花坛', unit: '平方米', kind: 'work' },
  painted_m2: { label: '墙体粉饰', unit: '平方米', kind: 'work' },
  dust_net_m2: { label: '覆盖防尘网', unit: '平方米', kind: 'work' },
  dry_toilets: { label: '改造拆除旱厕', unit: '处', kind: 'work' },
  cleaners: { label: '增设保洁员', unit: '人', kind: 'equipment' },
  bins: { label: '配置更新垃圾桶', unit: '个', kind: 'equipment' },
  carts: { label: '人力环卫车', unit: '辆', kind: 'equipment' },
  trucks: { label: '机动三轮垃圾清运车', unit: '台', kind: 'equipment' },
} as const;
export type CampaignItem = keyof typeof campaignItems;
export const campaignItemKeys = Object.keys(campaignItems) as [CampaignItem, ...CampaignItem[]];

export const createCampaignBody = z.object({
  orgId: z.string().uuid(),
  name: z.string().trim().min(1).max(100),
  startsOn: isoDate,
  endsOn: isoDate.optional(),
  goal: z.string().max(1000).default(''),
});
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;

export const campaignResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  goal: z.string(),
  tasksTotal: z.number(),
  tasksDone: z.number(),
});

export const createTaskBody = z.object({
  orgId: z.string().uuid(),
  title: z.string().trim().min(1).max(200),
  targetKind: z.enum(campaignTargetKinds),
  targetName: z.string().trim().min(1).max(100),
  dueOn: isoDate.optional(),
});
export type CreateTaskBody = z.infer<typeof createTaskBody>;

export const taskResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  targetKind: z.enum(campaignTargetKinds),
  targetName: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
});

export const recordQuantityBody = z.object({
  orgId: z.string().uuid(),
  day: isoDate,
  item: z.enum(campaignItemKeys),
  quantity: z.number().int('数量应为整数').min(0, '数量不能为负').max(100_000_000),
  note: z.string().max(500).default(''),
});
export type RecordQuantityBody = z.infer<typeof recordQuantityBody>;

export const quantityResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  day: z.string(),
  item: z.string(),
  label: z.string(),
  unit: z.string(),
  quantity: z.number(),
  note: z.string(),
});

export const quantitiesQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  orgId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type QuantitiesQuery = z.infer<typeof quantitiesQuery>;

export const totalsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), period: z.enum(['all', 'month']).default('all') });
export const totalsResponse = z.object({
  items: z.array(z.object({ period: z.string(), item: z.string(), label: z.string(), unit: z.string(), kind: z.string(), quantity: z.number() })),
});

export const createFindingBody = z.object({
  orgId: z.string().uuid(),
  title: z.string().trim().min(2).max(200),
  responsibleName: z.string().trim().min(1).max(50),
  checkedOn: isoDate,
  /** Open a rectification item with this deadline (working days). */
  rectifyWithinWorkingDays: z.number().int().min(1).max(60).optional(),
});
export type CreateFindingBody = z.infer<typeof createFindingBody>;
export const findingResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  responsibleName: z.string(),
  checkedOn: z.string(),
  rectificationItemId: z.string().nullable(),
});
