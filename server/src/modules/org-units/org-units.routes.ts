import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/request-context.js';
import {
  closeOrgBody,
  createOrgBody,
  moveOrgBody,
  orgHistoryResponse,
  orgIdParams,
  orgTreeResponse,
  orgUnitResponse,
  renameOrgBody,
} from './org-units.schema.js';
import { closeOrg, createOrg, getOrgHistory, getOrgInScope, listOrgTree, moveOrg, renameOrg, toOrgResponse } from './org-units.service.js';

const tags = ['orgs'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tree', { config: { permission: 'org.read' }, schema: { tags, response: { 200: orgTreeResponse } } }, async (req) => ({
    items: (await listOrgTree(requireActor(req.ctx))).map(toOrgResponse),
  }));
  app.get('/:id', { config: { permission: 'org.read' }, schema: { tags, params: orgIdParams, response: { 200: orgUnitResponse } } }, async (req) =>
    toOrgResponse(await getOrgInScope(requireActor(req.ctx), req.params.id)),
  );
  app.get('/:id/history', { config: { permission: 'org.read' }, schema: { tags, params: orgIdParams, response: { 200: orgHistoryResponse } } }, async (req) =>
    getOrgHistory(requireActor(req.ctx), req.params.id),
  );
  app.post('/', { config: { permission: 'org.write' }, schema: { tags, body: createOrgBody, response: { 201: orgUnitResponse } } }, async (req, reply) =>
    reply.code(201).send(toOrgResponse(await createOrg(requireActor(req.ctx), req.body))),
  );
  app.patch('/:id', { config: { permission: 'org.write' }, schema: { tags, params: orgIdParams, body: renameOrgBody, response: { 200: orgUnitResponse } } }, async (req) =>
    toOrgResponse(await renameOrg(requireActor(req.ctx), req.params.id, req.body)),
  );
  app.post('/:id/move', { config: { permission: 'org.write' }, schema: { tags, params: orgIdParams, body: moveOrgBody, response: { 200: orgUnitResponse } } }, async (req) =>
    toOrgResponse(await moveOrg(requireActor(req.ctx), req.params.id, req.body)),
  );
  app.post('/:id/close', { config: { permission: 'org.write' }, schema: { tags, params: orgIdParams, body: closeOrgBody, response: { 200: orgUnitResponse } } }, async (req) =>
    toOrgResponse(await closeOrg(requireActor(req.ctx), req.params.id, req.body)),
  );
};
