import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import {
  boundariesBody,
  boundaryBody,
  buildingGroupBody,
  buildingIdParams,
  buildingListResponse,
  createGridBody,
  gridIdParams,
  gridListResponse,
  gridResponse,
  groupCandidatesResponse,
  groupLinkBody,
  groupParams,
  listGridsQuery,
  staffCandidatesResponse,
  staffBody,
  staffParams,
} from './places.schema.js';
import {
  assignGridStaff,
  createGrid,
  getGrid,
  linkGridGroup,
  listBuildings,
  listGrids,
  listGroupCandidates,
  listStaffCandidates,
  removeGridStaff,
  setBuildingGroup,
  setGridBoundaries,
  setGridBoundary,
  unlinkGridGroup,
} from './places.service.js';

const tags = ['places'];

export const placeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/grids', { config: { permission: 'grid.read' }, schema: { tags, querystring: listGridsQuery, response: { 200: gridListResponse } } }, async (req) => ({
    items: await listGrids(requireActor(req.ctx), req.query.orgId, req.query.mine === 'true'),
  }));
  app.put('/boundaries', { config: { permission: 'grid.write' }, schema: { tags, body: boundariesBody, response: { 200: gridListResponse } } }, async (req) =>
    setGridBoundaries(requireActor(req.ctx), req.body.geojson),
  );
  app.post('/grids', { config: { permission: 'grid.write' }, schema: { tags, body: createGridBody, response: { 201: gridResponse } } }, async (req, reply) =>
    reply.code(201).send(await createGrid(requireActor(req.ctx), req.body)),
  );
  app.get('/grids/:id', { config: { permission: 'grid.read' }, schema: { tags, params: gridIdParams, response: { 200: gridResponse } } }, async (req) => getGrid(requireActor(req.ctx), req.params.id));
  app.get('/grids/:id/buildings', { config: { permission: 'grid.read' }, schema: { tags, params: gridIdParams, response: { 200: buildingListResponse } } }, async (req) =>
    listBuildings(requireActor(req.ctx), req.params.id),
  );
  app.put('/grids/:id/boundary', { config: { permission: 'grid.write' }, schema: { tags, params: gridIdParams, body: boundaryBody, response: { 200: gridResponse } } }, async (req) =>
    setGridBoundary(requireActor(req.ctx), req.params.id, req.body.geojson),
  );
  app.post('/grids/:id/staff', { config: { permission: 'grid.write' }, schema: { tags, params: gridIdParams, body: staffBody, response: { 200: gridResponse } } }, async (req) =>
    assignGridStaff(requireActor(req.ctx), req.params.id, req.body),
  );
  app.delete('/grids/:id/staff/:userId', { config: { permission: 'grid.write' }, schema: { tags, params: staffParams, response: { 200: gridResponse } } }, async (req) =>
    removeGridStaff(requireActor(req.ctx), req.params.id, req.params.userId),
  );
  app.get('/grids/:id/staff-candidates', { config: { permission: 'grid.write' }, schema: { tags, params: gridIdParams, response: { 200: staffCandidatesResponse } } }, async (req) =>
    listStaffCandidates(requireActor(req.ctx), req.params.id),
  );
  app.get('/grids/:id/group-candidates', { config: { permission: 'grid.write' }, schema: { tags, params: gridIdParams, response: { 200: groupCandidatesResponse } } }, async (req) =>
    listGroupCandidates(requireActor(req.ctx), req.params.id),
  );
  app.delete('/grids/:id/groups/:groupOrgId', { config: { permission: 'grid.write' }, schema: { tags, params: groupParams, response: { 200: gridResponse } } }, async (req) =>
    unlinkGridGroup(requireActor(req.ctx), req.params.id, req.params.groupOrgId),
  );
  app.post('/grids/:id/groups', { config: { permission: 'grid.write' }, schema: { tags, params: gridIdParams, body: groupLinkBody, response: { 200: gridResponse } } }, async (req) =>
    linkGridGroup(requireActor(req.ctx), req.params.id, req.body.groupOrgId),
  );
  app.put('/buildings/:id/group', { config: { permission: 'grid.write' }, schema: { tags, params: buildingIdParams, body: buildingGroupBody, response: { 204: z.null() } } }, async (req, reply) => {
    await setBuildingGroup(requireActor(req.ctx), req.params.id, req.body.groupOrgId);
    return reply.code(204).send(null);
  });
};
