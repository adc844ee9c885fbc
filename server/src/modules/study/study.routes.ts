import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { drawSpotChecks, getDraw, listBranchResults, recordResult, verifyDraw } from './spot-check.service.js';
import {
  branchResultResponse,
  createNoteBody,
  createPlanBody,
  createSessionBody,
  drawBody,
  drawManyResponse,
  drawResponse,
  idParams,
  noteListResponse,
  noteResponse,
  pickParams,
  planListResponse,
  planResponse,
  quarterQuery,
  recordResultBody,
  sessionListQuery,
  sessionListResponse,
  sessionResponse,
  verifyResponse,
} from './study.schema.js';
import { createNote, createPlan, createSession, listNotes, listPlans, listSessions } from './study.service.js';

const tags = ['study'];

export const studyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/plans', { config: { permission: 'study.read' }, schema: { tags, response: { 200: planListResponse } } }, async (req) => listPlans(requireActor(req.ctx)));
  app.post('/plans', { config: { permission: 'study.plan' }, schema: { tags, body: createPlanBody, response: { 201: planResponse } } }, async (req, reply) =>
    reply.code(201).send(await createPlan(requireActor(req.ctx), req.body)),
  );
  app.get('/sessions', { config: { permission: 'study.read' }, schema: { tags, querystring: sessionListQuery, response: { 200: sessionListResponse } } }, async (req) =>
    listSessions(requireActor(req.ctx), req.query),
  );
  app.post('/sessions', { config: { permission: 'study.session' }, schema: { tags, body: createSessionBody, response: { 201: sessionResponse } } }, async (req, reply) =>
    reply.code(201).send(await createSession(requireActor(req.ctx), req.body)),
  );
  app.get('/notes', { config: { permission: 'study.read' }, schema: { tags, querystring: z.object({ memberId: z.string().uuid().optional() }), response: { 200: noteListResponse } } }, async (req) =>
    listNotes(requireActor(req.ctx), req.query),
  );
  app.post('/notes', { config: { permission: 'study.note' }, schema: { tags, body: createNoteBody, response: { 201: noteResponse } } }, async (req, reply) =>
    reply.code(201).send(await createNote(requireActor(req.ctx), req.body)),
  );
  app.get('/spot-checks', { config: { permission: 'spotcheck.read' }, schema: { tags, querystring: quarterQuery, response: { 200: branchResultResponse } } }, async (req) =>
    listBranchResults(requireActor(req.ctx), req.query),
  );
  app.post('/spot-checks/draws', { config: { permission: 'spotcheck.draw' }, schema: { tags, body: drawBody, response: { 201: drawManyResponse } } }, async (req, reply) =>
    reply.code(201).send(await drawSpotChecks(requireActor(req.ctx), req.body)),
  );
  app.get('/spot-checks/draws/:id', { config: { permission: 'spotcheck.read' }, schema: { tags, params: idParams, response: { 200: drawResponse } } }, async (req) =>
    getDraw(requireActor(req.ctx), req.params.id),
  );
  app.get('/spot-checks/draws/:id/verify', { config: { permission: 'spotcheck.read' }, schema: { tags, params: idParams, response: { 200: verifyResponse } } }, async (req) =>
    verifyDraw(requireActor(req.ctx), req.params.id),
  );
  app.put('/spot-checks/draws/:id/picks/:pickId', { config: { permission: 'spotcheck.review' }, schema: { tags, params: pickParams, body: recordResultBody, response: { 200: drawResponse } } }, async (req) =>
    recordResult(requireActor(req.ctx), req.params.id, req.params.pickId, req.body),
  );
};
