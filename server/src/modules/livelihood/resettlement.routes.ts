import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import {
  addHouseholdBody,
  allocateUnitBody,
  createBuildingBody,
  createPhaseBody,
  createProjectBody,
  dateBody,
  idParams,
  listHouseholdsQuery,
  listProjectsQuery,
  projectDetailResponse,
  projectListResponse,
  resettlementHouseholdResponse,
  unitResponse,
  updateMilestoneBody,
  updateProjectBody,
} from './resettlement.schema.js';
import {
  addResettlementHousehold,
  allocateUnit,
  createBuilding,
  createPhase,
  createProject,
  getProject,
  listPhaseUnits,
  listProjects,
  listResettlementHouseholds,
  recordMoveBack,
  signUnitContract,
  updateMilestone,
  updateProject,
} from './resettlement.service.js';

const tags = ['resettlement'];
const read = { permission: 'resettlement.read' };
const write = { permission: 'resettlement.write' };
const created = z.object({ id: z.string() });

export const resettlementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects', { config: read, schema: { tags, querystring: listProjectsQuery, response: { 200: projectListResponse } } }, async (req) => listProjects(requireActor(req.ctx), req.query));
  app.get('/projects/:id', { config: read, schema: { tags, params: idParams, response: { 200: projectDetailResponse } } }, async (req) => getProject(requireActor(req.ctx), req.params.id));
  app.post('/projects', { config: write, schema: { tags, body: createProjectBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await createProject(requireActor(req.ctx), req.body) }),
  );
  app.patch('/projects/:id', { config: write, schema: { tags, params: idParams, body: updateProjectBody, response: { 204: z.null() } } }, async (req, reply) => {
    await updateProject(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  app.post('/projects/:id/phases', { config: write, schema: { tags, params: idParams, body: createPhaseBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await createPhase(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.post('/phases/:id/buildings', { config: write, schema: { tags, params: idParams, body: createBuildingBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await createBuilding(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.get('/phases/:id/households', { config: read, schema: { tags, params: idParams, querystring: listHouseholdsQuery, response: { 200: z.object({ items: z.array(resettlementHouseholdResponse), total: z.number(), page: z.number(), pageSize: z.number() }) } } }, async (req) =>
    listResettlementHouseholds(requireActor(req.ctx), req.params.id, req.query),
  );
  app.post('/phases/:id/households', { config: write, schema: { tags, params: idParams, body: addHouseholdBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await addResettlementHousehold(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.get('/phases/:id/units', { config: read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(unitResponse) }) } } }, async (req) => listPhaseUnits(requireActor(req.ctx), req.params.id));
  app.post('/units/:id/allocate', { config: write, schema: { tags, params: idParams, body: allocateUnitBody, response: { 204: z.null() } } }, async (req, reply) => {
    await allocateUnit(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  app.post('/units/:id/sign', { config: write, schema: { tags, params: idParams, body: dateBody, response: { 204: z.null() } } }, async (req, reply) => {
    await signUnitContract(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  app.post('/households/:id/move-back', { config: write, schema: { tags, params: idParams, body: dateBody, response: { 204: z.null() } } }, async (req, reply) => {
    await recordMoveBack(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  app.patch('/milestones/:id', { config: write, schema: { tags, params: idParams, body: updateMilestoneBody, response: { 204: z.null() } } }, async (req, reply) => {
    await updateMilestone(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
};
