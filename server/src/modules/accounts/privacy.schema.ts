import { z } from 'zod';
import { pageQuery, pagedResponse } from '../../platform/pagination.js';

export const filePrivacyRequestBody = z.object({
  kind: z.enum(['access', 'correct', 'delete']),
  details: z.string().trim().min(1, '请说明要查阅、更正或删除的内容').max(1000),
});
export type FilePrivacyRequest = z.infer<typeof filePrivacyRequestBody>;

export const handlePrivacyRequestBody = z.object({
  status: z.enum(['done', 'rejected']),
  answer: z.string().trim().min(1, '请填写答复').max(1000),
});
export type HandlePrivacyRequest = z.infer<typeof handlePrivacyRequestBody>;

export const listPrivacyRequestsQuery = pageQuery.extend({ status: z.enum(['open', 'done', 'rejected']).optional() });
export type ListPrivacyRequestsQuery = z.infer<typeof listPrivacyRequestsQuery>;

export const privacyRequestResponse = z.object({
  id: z.string(),
  kind: z.enum(['access', 'correct', 'delete']),
  details: z.string(),
  status: z.enum(['open', 'done', 'rejected']),
  answer: z.string().nullable(),
  createdAt: z.date(),
  handledAt: z.date().nullable(),
  username: z.string().nullable(),
});
export const privacyRequestListResponse = pagedResponse(privacyRequestResponse);

export const myDataResponse = z.object({
  account: z.object({
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    scopeOrgName: z.string(),
    createdAt: z.date(),
    lastLoginAt: z.date().nullable(),
    passwordChangedAt: z.date(),
    twoFactor: z.boolean(),
  }),
  memberId: z.string().nullable(),
  notice: z.string(),
});
