import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListResponse, listAuditQuery, verifyResponse } from './audit.schema.js';
import { listAuditEvents, verifyAuditChain } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { config: { permission: 'audit.read' }, schema: { tags: ['audit'], querystring: listAuditQuery, response: { 200: auditListResponse } } },
    async (req) => listAuditEvents(req.ctx, req.query),
  );
  app.get(
    '/verify',
    { config: { permission: 'audit.read' }, schema: { tags: ['audit'], response: { 200: verifyResponse } } },
    async (req) => verifyAuditChain(req.ctx.db, req.ctx.tenantId),
  );
};
