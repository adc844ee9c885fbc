import { z } from 'zod';
import { orgKinds } from './org-units.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const orgName = z.string().trim().min(1, '名称不能为空').max(100, '名称不能超过100字');

export const orgIdParams = z.object({ id: z.string().uuid('无效的组织编号') });

export const orgUnitResponse = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(orgKinds),
  name: z.string(),
  divisionCode: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  depth: z.number(),
});
export type OrgUnitResponse = z.infer<typeof orgUnitResponse>;

export const orgTreeResponse = z.object({ items: z.array(orgUnitResponse) });

export const createOrgBody = z.object({
  parentId: z.string().uuid(),
  kind: z.enum(orgKinds),
  name: orgName,
  divisionCode: z.string().regex(/^\d{12}$/, '区划代码应为12位数字').optional(),
  validFrom: isoDate.optional(),
});
export type CreateOrgBody = z.infer<typeof createOrgBody>;

export const renameOrgBody = z.object({ name: orgName, effectiveDate: isoDate.optional() });
export type RenameOrgBody = z.infer<typeof renameOrgBody>;

export const moveOrgBody = z.object({ parentId: z.string().uuid(), effectiveDate: isoDate.optional() });
export type MoveOrgBody = z.infer<typeof moveOrgBody>;

export const closeOrgBody = z.object({ effectiveDate: isoDate, reason: z.string().max(500).optional() });
export type CloseOrgBody = z.infer<typeof closeOrgBody>;

export const orgHistoryResponse = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      parentId: z.string().nullable(),
      parentName: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      change: z.string(),
      changedByName: z.string().nullable(),
    }),
  ),
});
