import { z } from 'zod';
import { auditStates, milestoneKinds, projectKinds } from './resettlement.table.js';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const idParams = z.object({ id: z.string().uuid('无效的编号') });

export const milestoneLabels: Record<(typeof milestoneKinds)[number], string> = {
  piling: '桩基施工',
  raft: '基础筏板',
  topping_out: '主体封顶',
  insulation: '外墙保温',
  acceptance: '竣工验收',
  certificates: '四证办理',
  online_contract: '网签',
  move_back: '回迁',
};

export const ratesResponse = z.object({
  phasesPlanned: z.number().int(),
  phasesStarted: z.number().int(),
  householdsToResettle: z.number().int(),
  householdsMovedBack: z.number().int(),
  unitsAllocated: z.number().int(),
  unitsSigned: z.number().int(),
  startRate: z.number().nullable(),
  moveBackRate: z.number().nullable(),
  contractRate: z.number().nullable(),
});

export const projectResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(projectKinds),
  name: z.string(),
  investmentFen: z.number(),
  auditState: z.enum(auditStates),
  auditedFen: z.number().nullable(),
  landAreaM2: z.number().nullable(),
  floorAreaM2: z.number().nullable(),
  sites: z.array(z.string()),
  completedAreaM2: z.number(),
  note: z.string(),
  rates: ratesResponse,
});
export type ProjectResponse = z.infer<typeof projectResponse>;

export const listProjectsQuery = z.object({ kind: z.enum(projectKinds).optional() });
export const projectListResponse = z.object({ items: z.array(projectResponse), street: ratesResponse });

export const milestoneResponse = z.object({
  id: z.string(),
  kind: z.enum(milestoneKinds),
  label: z.string(),
  plannedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  note: z.string(),
  /** Not completed and past its planned date, or completed after it. */
  late: z.boolean(),
});

export const phaseResponse = z.object({
  id: z.string(),
  name: z.string(),
  buildings: z.array(z.object({ id: z.string(), name: z.string(), floors: z.number(), units: z.number() })),
  milestones: z.array(milestoneResponse),
  rates: ratesResponse,
});

export const projectDetailResponse = projectResponse.extend({ phases: z.array(phaseResponse) });

export const createProjectBody = z.object({
  orgId: z.string().uuid(),
  kind: z.enum(projectKinds),
  name: z.string().trim().min(1, '名称不能为空').max(100),
  investmentFen: z.number().int().min(0, '投资额不能为负').default(0),
  landAreaM2: z.number().int().min(0).optional(),
  floorAreaM2: z.number().int().min(0).optional(),
  sites: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  completedAreaM2: z.number().int().min(0, '面积不能为负').default(0),
  note: z.string().max(2000).default(''),
});
export type CreateProjectBody = z.infer<typeof createProjectBody>;

export const updateProjectBody = z.object({
  name: z.string().trim().min(1, '名称不能为空').max(100).optional(),
  landAreaM2: z.number().int().min(0, '面积不能为负').nullable().optional(),
  floorAreaM2: z.number().int().min(0, '面积不能为负').nullable().optional(),
  sites: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  investmentFen: z.number().int().min(0, '投资额不能为负').optional(),
  auditState: z.enum(auditStates).optional(),
  auditedFen: z.number().int().min(0).nullable().optional(),
  completedAreaM2: z.number().int().min(0, '面积不能为负').optional(),
  note: z.string().max(2000).optional(),
});
export type UpdateProjectBody = z.infer<typeof updateProjectBody>;

export const createPhaseBody = z.object({
  name: z.string().trim().min(1).max(100),
  plannedDates: z.partialRecord(z.enum(milestoneKinds), isoDate).default({}),
});
export type CreatePhaseBody = z.infer<typeof createPhaseBody>;

export const createBuildingBody = z.object({
  name: z.string().trim().min(1).max(100),
  floors: z.number().int().min(1).max(100),
  unitCount: z.number().int().min(1, '套数至少为1').max(1000),
  unitAreaM2: z.number().int().min(1).max(1000).default(110),
});
export type CreateBuildingBody = z.infer<typeof createBuildingBody>;

export const addHouseholdBody = z
  .object({
    householdId: z.string().uuid().optional(),
    headName: z.string().trim().min(1).max(50).optional(),
    size: z.number().int().min(1).max(30).default(1),
    entitledUnits: z.number().int().min(1).max(10).default(1),
  })
  .refine((b) => b.householdId || b.headName, { message: '请选择住户或填写户主姓名', path: ['headName'] });
export type AddHouseholdBody = z.infer<typeof addHouseholdBody>;

export const resettlementHouseholdResponse = z.object({
  id: z.string(),
  phaseId: z.string(),
  householdId: z.string().nullable(),
  headName: z.string(),
  size: z.number(),
  entitledUnits: z.number(),
  movedBackOn: z.string().nullable(),
  units: z.array(z.object({ id: z.string(), label: z.string(), building: z.string(), contractSignedOn: z.string().nullable() })),
});

export const listHouseholdsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  movedBack: z.enum(['yes', 'no']).optional(),
});

export const allocateUnitBody = z.object({ resettlementHouseholdId: z.string().uuid(), date: isoDate });
export const dateBody = z.object({ date: isoDate });

export const unitResponse = z.object({
  id: z.string(),
  label: z.string(),
  buildingId: z.string(),
  building: z.string(),
  areaM2: z.number(),
  allocatedTo: z.string().nullable(),
  allocatedOn: z.string().nullable(),
  contractSignedOn: z.string().nullable(),
});

export const updateMilestoneBody = z.object({
  plannedOn: isoDate.nullable().optional(),
  startedOn: isoDate.nullable().optional(),
  completedOn: isoDate.nullable().optional(),
  note: z.string().max(500).optional(),
});
export type UpdateMilestoneBody = z.infer<typeof updateMilestoneBody>;
