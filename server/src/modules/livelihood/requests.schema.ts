import { z } from 'zod';
import { assigneeKinds, requestKinds, requestStates } from './requests.table.js';

export const tenantCodeParams = z.object({ tenantCode: z.string().regex(/^\d{9}$/, '街道代码应为9位数字') });
export const trackParams = tenantCodeParams.extend({ code: z.string().regex(/^[A-Z0-9]{10}$/, '查询码应为10位字母或数字') });
const last4 = z.string().regex(/^\d{4}$/, '请输入手机号后四位');

export const challengeResponse = z.object({ question: z.string(), token: z.string() });
export const publicOrgsResponse = z.object({ streetName: z.string(), items: z.array(z.object({ id: z.string(), name: z.string() })) });

export const submitRequestBody = z.object({
  orgId: z.string().uuid('请选择村/社区'),
  kind: z.enum(requestKinds),
  title: z.string().trim().min(2, '标题至少2个字').max(60, '标题不能超过60字'),
  content: z.string().trim().min(5, '内容至少5个字').max(1000, '内容不能超过1000字'),
  contactName: z.string().trim().min(1, '请填写称呼').max(30),
  phone: z.string().regex(/^1\d{10}$/, '请输入11位手机号'),
  challengeToken: z.string().min(10).max(500),
  challengeAnswer: z.coerce.number().int(),
});
export type SubmitRequestBody = z.infer<typeof submitRequestBody>;

export const submitResponse = z.object({ trackingCode: z.string(), phoneMasked: z.string() });

export const trackQuery = z.object({ last4 });
export const publicRequestResponse = z.object({
  trackingCode: z.string(),
  kind: z.enum(requestKinds),
  title: z.string(),
  content: z.string(),
  orgName: z.string(),
  state: z.enum(requestStates),
  submittedAt: z.string(),
  assigneeName: z.string().nullable(),
  answer: z.string().nullable(),
  rejectReason: z.string().nullable(),
  rating: z.number().nullable(),
});

export const rateBody = z.object({
  last4,
  rating: z.number().int().min(1, '评分为1到5分').max(5, '评分为1到5分'),
  comment: z.string().max(500).optional(),
});

export const requestResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(requestKinds),
  title: z.string(),
  content: z.string(),
  contactName: z.string(),
  phoneMasked: z.string(),
  trackingCode: z.string(),
  state: z.enum(requestStates),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  assigneeKind: z.enum(assigneeKinds).nullable(),
  assigneeName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** The actor may claim this wish / answer it as the claimer. */
  canClaim: z.boolean(),
  canFulfil: z.boolean(),
});
export type RequestResponse = z.infer<typeof requestResponse>;

export const listRequestsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  state: z.enum(requestStates).optional(),
  kind: z.enum(requestKinds).optional(),
  /** Only wishes open for claiming (the wish pool). */
  pool: z.enum(['yes']).optional(),
});
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;

export const dispatchBody = z.object({
  assigneeKind: z.enum(assigneeKinds),
  assigneeId: z.string().uuid().optional(),
  assigneeName: z.string().trim().min(1, '请填写承办人').max(60),
});
export const answerBody = z.object({ answer: z.string().trim().min(2, '答复至少2个字').max(1000) });
export const rejectBody = z.object({ reason: z.string().trim().min(2, '请说明理由').max(500) });

export const requestRatesQuery = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export const requestRatesResponse = z.object({
  items: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      submitted: z.number(),
      responded: z.number(),
      resolved: z.number(),
      rated: z.number(),
      satisfied: z.number(),
      responseRate: z.number().nullable(),
      resolveRate: z.number().nullable(),
      satisfactionRate: z.number().nullable(),
    }),
  ),
});
