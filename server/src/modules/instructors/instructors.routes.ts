import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import {
  addTrainingBody,
  assignmentParams,
  assignOrgBody,
  createInstructorBody,
  instructorDetailResponse,
  instructorIdParams,
  instructorListResponse,
  instructorSummary,
  updateInstructorBody,
} from './instructors.schema.js';
import { addTraining, assignOrg, createInstructor, getInstructor, getMyInstructor, listInstructors, unassignOrg, updateInstructor } from './instructors.service.js';

const tags = ['instructors'];

export const instructorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'instructor.read' }, schema: { tags, response: { 200: instructorListResponse } } }, async (req) => listInstructors(requireActor(req.ctx)));
  app.get('/me', { config: { permission: 'instructor.read' }, schema: { tags, response: { 200: instructorDetailResponse } } }, async (req) => getMyInstructor(requireActor(req.ctx)));
  app.get('/:id', { config: { permission: 'instructor.read' }, schema: { tags, params: instructorIdParams, response: { 200: instructorDetailResponse } } }, async (req) =>
    getInstructor(requireActor(req.ctx), req.params.id),
  );
  app.post('/', { config: { permission: 'instructor.write' }, schema: { tags, body: createInstructorBody, response: { 201: instructorSummary } } }, async (req, reply) =>
    reply.code(201).send(await createInstructor(requireActor(req.ctx), req.body)),
  );
  app.patch('/:id', { config: { permission: 'instructor.write' }, schema: { tags, params: instructorIdParams, body: updateInstructorBody, response: { 200: instructorSummary } } }, async (req) =>
    updateInstructor(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/:id/trainings',
    {
      config: { permission: 'instructor.write' },
      schema: { tags, params: instructorIdParams, body: addTrainingBody, response: { 201: z.object({ id: z.string(), kind: z.string(), title: z.string(), heldOn: z.string(), hours: z.number() }) } },
    },
    async (req, reply) => reply.code(201).send(await addTraining(requireActor(req.ctx), req.params.id, req.body)),
  );
  app.post('/:id/orgs', { config: { permission: 'instructor.write' }, schema: { tags, params: instructorIdParams, body: assignOrgBody, response: { 200: instructorDetailResponse } } }, async (req) =>
    assignOrg(requireActor(req.ctx), req.params.id, req.body),
  );
  app.delete('/:id/orgs/:orgId', { config: { permission: 'instructor.write' }, schema: { tags, params: assignmentParams, response: { 200: instructorDetailResponse } } }, async (req) =>
    unassignOrg(requireActor(req.ctx), req.params.id, req.params.orgId),
  );
};
