import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../platform/excel.js';
import { requireActor } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { auditFilterQuery, auditListResponse, listAuditQuery, verifyResponse } from './audit.schema.js';
import { exportAuditEvents, listAuditEvents, verifyAuditChain } from './audit.service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'audit.read' }, schema: { tags, querystring: listAuditQuery, response: { 200: auditListResponse } } }, async (req) =>
    listAuditEvents(req.ctx, req.query),
  );
  app.get('/export.xlsx', { config: { permission: 'audit.export' }, schema: { tags, querystring: auditFilterQuery } }, async (req, reply) =>
    sendXlsx(reply, await exportAuditEvents(requireActor(req.ctx), req.query), `审计日志-${shanghaiDate(new Date())}.xlsx`),
  );
  app.get('/verify', { config: { permission: 'audit.read' }, schema: { tags, response: { 200: verifyResponse } } }, async (req) =>
    verifyAuditChain(req.ctx.db, req.ctx.tenantId),
  );
};
