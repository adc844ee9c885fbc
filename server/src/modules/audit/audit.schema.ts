import { z } from 'zod';
import { pageQuery, pagedResponse } from '../../platform/pagination.js';

const auditFilterShape = {
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  action: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
};
export const auditFilterQuery = z.object(auditFilterShape);
export type AuditFilter = z.infer<typeof auditFilterQuery>;
export const listAuditQuery = pageQuery.extend(auditFilterShape);
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditEventResponse = z.object({
  seq: z.number(),
  at: z.date(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string(),
  reason: z.string().nullable(),
});

export const auditListResponse = pagedResponse(auditEventResponse);

export const verifyResponse = z.object({ ok: z.boolean(), checked: z.number(), brokenAtSeq: z.number().nullable() });
