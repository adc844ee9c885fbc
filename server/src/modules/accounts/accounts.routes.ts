import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { roles } from '../../platform/roles.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { changePasswordBody, loginBody, loginResponse, meResponse, permissionTableResponse, sessionsResponse } from './accounts.schema.js';
import {
  changePassword,
  completePasswordChange,
  completeTotp,
  describeActor,
  listSessions,
  login,
  logout,
  pendingEnrolment,
  PENDING_COOKIE,
  resolveActor,
  SESSION_COOKIE,
  type LoginStage,
} from './accounts.service.js';
import { privacyRoutes } from './privacy.routes.js';
import { securityRoutes } from './security.routes.js';
import { codeBody, enrolmentResponse, newPasswordBody } from './users.schema.js';

const tags = ['auth'];

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Sets the cookie for the login's stage: the full session, or the pending step's cookie (login paths only). */
  const answer = async (req: FastifyRequest, reply: FastifyReply, cookie: string, stage: LoginStage, mustEnrol: boolean, recoveryCodes: string[] = []) => {
    const secure = req.protocol === 'https';
    if (stage !== 'active') {
      reply.setCookie(PENDING_COOKIE, cookie, { path: '/api/auth/login', httpOnly: true, sameSite: 'strict', secure, maxAge: 600 });
      return { step: stage, mustEnrol, recoveryCodes };
    }
    reply.clearCookie(PENDING_COOKIE, { path: '/api/auth/login' });
    reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: req.ctx.services.config.sessionMaxHours * 3600 });
    req.cookies[SESSION_COOKIE] = cookie;
    const actor = await resolveActor(req, req.ctx.db, req.ctx.services);
    if (!actor) throw new Error('session vanished right after login');
    return { step: 'done' as const, ...describeActor(actor), recoveryCodes };
  };

  app.post('/login', { config: { public: true }, schema: { tags, body: loginBody, response: { 200: loginResponse } } }, async (req, reply) => {
    const result = await login(req.ctx.db, req.ctx.services, req.body, req.ip, req.headers['user-agent'] ?? '');
    return answer(req, reply, result.cookie, result.stage, result.mustEnrol);
  });
  app.post('/login/enrol', { config: { public: true }, schema: { tags, response: { 200: enrolmentResponse } } }, async (req) =>
    pendingEnrolment(req.ctx.db, req.ctx.services, req.cookies[PENDING_COOKIE]),
  );
  app.post('/login/totp', { config: { public: true }, schema: { tags, body: codeBody, response: { 200: loginResponse } } }, async (req, reply) => {
    const cookie = req.cookies[PENDING_COOKIE] ?? '';
    const r = await completeTotp(req.ctx.db, req.ctx.services, cookie, req.body.code, req.ip);
    return answer(req, reply, cookie, r.stage, false, r.recoveryCodes);
  });
  app.post('/login/password', { config: { public: true }, schema: { tags, body: newPasswordBody, response: { 200: loginResponse } } }, async (req, reply) => {
    const cookie = req.cookies[PENDING_COOKIE] ?? '';
    const stage = await completePasswordChange(req.ctx.db, req.ctx.services, cookie, req.body.newPassword, req.ip);
    return answer(req, reply, cookie, stage, false);
  });
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
  await app.register(securityRoutes);
  await app.register(privacyRoutes);
  app.get('/permissions', { config: { permission: 'authenticated' }, schema: { tags, response: { 200: permissionTableResponse } } }, async (req) => ({
    roles: [...roles],
    table: Object.fromEntries(Object.entries(req.ctx.services.permissions.table).map(([k, v]) => [k, [...v]])),
  }));
};
