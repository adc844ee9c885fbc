import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { sessionsResponse } from './accounts.schema.js';
import { confirmSelf, disableSelf, enrolSelf, loadSecuritySettings, twoFactorStatus, updateSecuritySettings } from './two-factor.service.js';
import {
  codeBody,
  createdUserResponse,
  createUserBody,
  enrolmentResponse,
  listUsersQuery,
  passwordBody,
  passwordResetResponse,
  recoveryCodesResponse,
  rolesBody,
  scopeChoicesResponse,
  securitySettingsBody,
  sessionIdParams,
  statusBody,
  twoFactorStatusResponse,
  userIdParams,
  userListResponse,
  userSummary,
} from './users.schema.js';
import {
  createAccount,
  endOwnSession,
  endUserSessions,
  listUserSessions,
  listScopeChoices,
  listUsers,
  resetUserPassword,
  resetUserTwoFactor,
  setUserRoles,
  setUserStatus,
} from './users.service.js';

const tags = ['auth'];
const self = { permission: 'authenticated' };

/** Two-factor self-service, own sessions, and the administrators' account, role and session screens. */
export const securityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/2fa', { config: self, schema: { tags, response: { 200: twoFactorStatusResponse } } }, async (req) => twoFactorStatus(requireActor(req.ctx)));
  app.post('/2fa/enrol', { config: self, schema: { tags, response: { 200: enrolmentResponse } } }, async (req) => enrolSelf(requireActor(req.ctx)));
  app.post('/2fa/confirm', { config: self, schema: { tags, body: codeBody, response: { 200: recoveryCodesResponse } } }, async (req) => ({
    recoveryCodes: await confirmSelf(requireActor(req.ctx), req.body.code),
  }));
  app.post('/2fa/disable', { config: self, schema: { tags, body: passwordBody, response: { 204: z.null() } } }, async (req, reply) => {
    await disableSelf(requireActor(req.ctx), req.body.password);
    return reply.code(204).send(null);
  });
  app.delete('/sessions/:id', { config: self, schema: { tags, params: sessionIdParams, response: { 204: z.null() } } }, async (req, reply) => {
    await endOwnSession(requireActor(req.ctx), req.params.id);
    return reply.code(204).send(null);
  });

  app.get('/users', { config: { permission: 'account.read' }, schema: { tags, querystring: listUsersQuery, response: { 200: userListResponse } } }, async (req) =>
    listUsers(requireActor(req.ctx), req.query),
  );
  app.get('/users/scopes', { config: { permission: 'account.manage' }, schema: { tags, response: { 200: scopeChoicesResponse } } }, async (req) =>
    listScopeChoices(requireActor(req.ctx)),
  );
  app.post('/users', { config: { permission: 'account.manage' }, schema: { tags, body: createUserBody, response: { 201: createdUserResponse } } }, async (req, reply) =>
    reply.code(201).send(await createAccount(requireActor(req.ctx), req.body)),
  );
  app.post('/users/:id/password/reset', { config: { permission: 'account.manage' }, schema: { tags, params: userIdParams, response: { 200: passwordResetResponse } } }, async (req) =>
    resetUserPassword(requireActor(req.ctx), req.params.id),
  );
  app.patch('/users/:id/status', { config: { permission: 'account.manage' }, schema: { tags, params: userIdParams, body: statusBody, response: { 200: userSummary } } }, async (req) =>
    setUserStatus(requireActor(req.ctx), req.params.id, req.body.status, req.body.reason),
  );
  app.put('/users/:id/roles', { config: { permission: 'security.manage' }, schema: { tags, params: userIdParams, body: rolesBody, response: { 200: userSummary } } }, async (req) =>
    setUserRoles(requireActor(req.ctx), req.params.id, req.body.roles),
  );
  app.post('/users/:id/2fa/reset', { config: { permission: 'security.manage' }, schema: { tags, params: userIdParams, response: { 200: userSummary } } }, async (req) =>
    resetUserTwoFactor(requireActor(req.ctx), req.params.id),
  );
  app.get('/users/:id/sessions', { config: { permission: 'security.manage' }, schema: { tags, params: userIdParams, response: { 200: sessionsResponse } } }, async (req) =>
    listUserSessions(requireActor(req.ctx), req.params.id),
  );
  app.delete('/users/:id/sessions', { config: { permission: 'security.manage' }, schema: { tags, params: userIdParams, response: { 200: z.object({ ended: z.number() }) } } }, async (req) =>
    endUserSessions(requireActor(req.ctx), req.params.id),
  );
  app.get('/security-settings', { config: { permission: 'security.manage' }, schema: { tags, response: { 200: securitySettingsBody } } }, async (req) =>
    loadSecuritySettings(req.ctx.db, req.ctx.services, requireActor(req.ctx).actor.tenantId),
  );
  app.put('/security-settings', { config: { permission: 'security.manage' }, schema: { tags, body: securitySettingsBody, response: { 200: securitySettingsBody } } }, async (req) =>
    updateSecuritySettings(requireActor(req.ctx), req.body),
  );
};
