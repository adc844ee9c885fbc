import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { roles } from '../../platform/roles.js';
import { changePasswordBody, loginBody, meResponse, permissionTableResponse, sessionsResponse } from './accounts.schema.js';
import { changePassword, describeActor, listSessions, login, logout, resolveActor, SESSION_COOKIE } from './accounts.service.js';

const tags = ['auth'];

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    { config: { public: true }, schema: { tags, body: loginBody, response: { 200: meResponse } } },
    async (req, reply) => {
      const result = await login(req.ctx.db, req.ctx.services, req.body, req.ip, req.headers['user-agent'] ?? '');
      reply.setCookie(SESSION_COOKIE, result.cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        maxAge: req.ctx.services.config.sessionMaxHours * 3600,
      });
      req.cookies[SESSION_COOKIE] = result.cookie;
      const actor = await resolveActor(req, req.ctx.db, req.ctx.services);
      if (!actor) throw new Error('session vanished right after login');
      return describeActor(actor);
    },
  );
  app.post('/logout', { config: { public: true }, schema: { tags, response: { 204: z.null() } } }, async (req, reply) => {
    await logout(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
  app.get('/me', { config: { permission: 'authenticated' }, schema: { tags, response: { 200: meResponse } } }, async (req) =>
    describeActor(requireActor(req.ctx).actor),
  );
  app.post(
    '/password',
    { config: { permission: 'authenticated' }, schema: { tags, body: changePasswordBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await changePassword(requireActor(req.ctx), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );
  app.get('/sessions', { config: { permission: 'authenticated' }, schema: { tags, response: { 200: sessionsResponse } } }, async (req) =>
    listSessions(requireActor(req.ctx)),
  );
  app.get('/permissions', { config: { permission: 'authenticated' }, schema: { tags, response: { 200: permissionTableResponse } } }, async (req) => ({
    roles: [...roles],
    table: Object.fromEntries(Object.entries(req.ctx.services.permissions.table).map(([k, v]) => [k, [...v]])),
  }));
};
