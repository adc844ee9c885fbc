import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { createStreet, listTenants } from './tenants.service.js';

const tags = ['tenants'];
const tenantResponse = z.object({ id: z.number(), code: z.string(), name: z.string(), createdAt: z.date() });

export const tenantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'tenant.manage' }, schema: { tags, response: { 200: z.object({ items: z.array(tenantResponse) }) } } }, async (req) => ({
    items: await listTenants(req.ctx.db),
  }));
  app.post(
    '/',
    {
      config: { permission: 'tenant.manage' },
      schema: {
        tags,
        body: z.object({ code: z.string().regex(/^\d{9}$/, '街道代码应为9位数字') }),
        response: { 201: z.object({ tenant: tenantResponse, adminUsername: z.string(), adminPassword: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = requireActor(req.ctx);
      const r = await createStreet(ctx.db, ctx.services, req.body.code, {
        source: () => ({ tenantId: ctx.tenantId, actor: ctx.actor, ip: ctx.ip, requestId: ctx.requestId }),
      });
      return reply.code(201).send({ tenant: r.tenant, adminUsername: r.adminUsername, adminPassword: r.adminPassword });
    },
  );
};
