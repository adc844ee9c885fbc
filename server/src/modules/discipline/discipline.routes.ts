import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/request-context.js';
import {
  assignSupervisorBody,
  coverageResponse,
  createDisciplineBody,
  createFeedbackBody,
  disciplineListResponse,
  disciplineRecordResponse,
  feedbackListResponse,
  idParams,
  recheckBody,
} from './discipline.schema.js';
import {
  assignSupervisor,
  createDisciplineRecord,
  createFeedback,
  getDisciplineRecord,
  listDisciplineRecords,
  listFeedback,
  recheckFeedback,
  supervisionCoverage,
} from './discipline.service.js';

const tags = ['discipline'];

export const disciplineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/feedback', { config: { permission: 'feedback.read' }, schema: { tags, response: { 200: feedbackListResponse } } }, async (req) => listFeedback(requireActor(req.ctx)));
  app.post('/feedback', { config: { permission: 'feedback.write' }, schema: { tags, body: createFeedbackBody, response: { 201: feedbackListResponse } } }, async (req, reply) =>
    reply.code(201).send(await createFeedback(requireActor(req.ctx), req.body)),
  );
  app.post('/feedback/:id/recheck', { config: { permission: 'feedback.recheck' }, schema: { tags, params: idParams, body: recheckBody, response: { 200: feedbackListResponse } } }, async (req) =>
    recheckFeedback(requireActor(req.ctx), req.params.id, req.body),
  );
  app.get('/records', { config: { permission: 'discipline.read' }, schema: { tags, response: { 200: disciplineListResponse } } }, async (req) => listDisciplineRecords(requireActor(req.ctx)));
  app.get('/records/:id', { config: { permission: 'discipline.read' }, schema: { tags, params: idParams, response: { 200: disciplineRecordResponse } } }, async (req) =>
    getDisciplineRecord(requireActor(req.ctx), req.params.id),
  );
  app.post('/records', { config: { permission: 'discipline.write' }, schema: { tags, body: createDisciplineBody, response: { 201: disciplineRecordResponse } } }, async (req, reply) =>
    reply.code(201).send(await createDisciplineRecord(requireActor(req.ctx), req.body)),
  );
  app.get('/supervision', { config: { permission: 'supervision.read' }, schema: { tags, response: { 200: coverageResponse } } }, async (req) => supervisionCoverage(requireActor(req.ctx)));
  app.put('/supervision', { config: { permission: 'supervision.write' }, schema: { tags, body: assignSupervisorBody, response: { 200: coverageResponse } } }, async (req) =>
    assignSupervisor(requireActor(req.ctx), req.body),
  );
};
