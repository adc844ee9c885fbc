import { z } from 'zod';
import { pageQuery, pagedResponse } from '../../platform/pagination.js';
import { memberCategories, memberStates } from './members.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const memberIdParams = z.object({ id: z.string().uuid('无效的党员编号') });

/** Filters shared by the list and the export. */
export const memberFilters = z.object({
  orgId: z.string().uuid('无效的组织编号').optional(),
  category: z.enum(memberCategories).optional(),
  state: z.enum([...memberStates, 'all']).default('active'),
  post: z.string().trim().min(1).max(20).optional(),
  joinYear: z.coerce.number().int().min(1921).max(2100).optional(),
  /** Name, pinyin, pinyin initials, last 4 phone digits, a full phone or a full ID number. */
  q: z.string().trim().min(1).max(40).optional(),
});
export type MemberFilters = z.infer<typeof memberFilters>;

export const listMembersQuery = memberFilters.extend(pageQuery.shape);
export type ListMembersQuery = z.infer<typeof listMembersQuery>;

export const memberSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  category: z.enum(memberCategories),
  joinDate: z.string().nullable(),
  posts: z.array(z.string()),
  state: z.enum(memberStates),
});
export type MemberSummary = z.infer<typeof memberSummary>;

export const membersPage = pagedResponse(memberSummary);

export const transferResponse = z.object({
  id: z.string(),
  fromOrgId: z.string(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.string(),
  toOrgName: z.string().nullable(),
  transferDate: z.string(),
  reason: z.string().nullable(),
  createdByName: z.string().nullable(),
});

export const memberDetail = memberSummary.extend({
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  regularisedDate: z.string().nullable(),
  stateDate: z.string().nullable(),
  stateReason: z.string().nullable(),
  address: z.string().nullable(),
  transfers: z.array(transferResponse),
});
export type MemberDetail = z.infer<typeof memberDetail>;

const name = z.string().trim().min(1, '姓名不能为空').max(50, '姓名不能超过50字');
const phone = z.string().trim().regex(/^1\d{10}$/, '手机号应为11位数字');
const posts = z.array(z.string().trim().min(1).max(20)).max(10);

export const createMemberBody = z.object({
  orgId: z.string().uuid(),
  name,
  idNumber: z.string().trim().min(1, '身份证号不能为空').max(30),
  phone: phone.optional(),
  ethnicity: z.string().trim().max(20).optional(),
  education: z.string().trim().max(20).optional(),
  category: z.enum(memberCategories),
  joinDate: isoDate.optional(),
  regularisedDate: isoDate.optional(),
  posts: posts.default([]),
  address: z.string().trim().max(200).optional(),
});
export type CreateMemberBody = z.infer<typeof createMemberBody>;

/** Editing never moves a member: transfers have their own history. */
export const updateMemberBody = z.object({
  name: name.optional(),
  idNumber: z.string().trim().min(1).max(30).optional(),
  phone: phone.nullable().optional(),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  education: z.string().trim().max(20).nullable().optional(),
  category: z.enum(memberCategories).optional(),
  joinDate: isoDate.nullable().optional(),
  regularisedDate: isoDate.nullable().optional(),
  posts: posts.optional(),
  address: z.string().trim().max(200).nullable().optional(),
});
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const transferMemberBody = z.object({
  toOrgId: z.string().uuid(),
  transferDate: isoDate.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TransferMemberBody = z.infer<typeof transferMemberBody>;

export const memberActions = ['leave', 'death', 'transfer_out', 'restore'] as const;
export type MemberAction = (typeof memberActions)[number];

export const changeStateBody = z.object({
  action: z.enum(memberActions),
  date: isoDate.optional(),
  reason: z.string().trim().min(1, '请填写原因').max(500),
});
export type ChangeStateBody = z.infer<typeof changeStateBody>;

export const revealBody = z.object({
  field: z.enum(['idNumber', 'phone']),
  reason: z.string().trim().min(2, '请填写查看原因').max(200),
});
export type RevealBody = z.infer<typeof revealBody>;
export const revealResponse = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });

export const exportQuery = memberFilters.extend({
  /** Plaintext ID numbers and phones in the file: needs member.reveal, and is audited. */
  reveal: z.enum(['true', 'false']).default('false'),
});
export type ExportQuery = z.infer<typeof exportQuery>;
export const importPlanResponse = z.object({
  token: z.string(),
  planDigest: z.string(),
  sheetName: z.string(),
  headers: z.array(z.string()),
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      name: z.string(),
      idNumberMasked: z.string().nullable(),
      orgName: z.string().nullable(),
      category: z.enum(memberCategories).nullable(),
      joinDate: z.string().nullable(),
      fate: z.enum(['create', 'reject']),
      reasons: z.array(z.string()),
    }),
  ),
  summary: z.object({ total: z.number().int(), create: z.number().int(), reject: z.number().int() }),
});
