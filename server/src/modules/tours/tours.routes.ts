import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../platform/excel.js';
import { requireActor } from '../../platform/request-context.js';
import { buildTourReport } from './tours.export.js';
import {
  addFindingBody,
  checklistListResponse,
  checklistResponse,
  createChecklistBody,
  createTourBody,
  scoreStopBody,
  stopParams,
  tourDetailResponse,
  tourIdParams,
  tourListResponse,
} from './tours.schema.js';
import { addFinding, completeTour, createChecklist, createTour, getTour, listChecklists, listTours, scoreStop } from './tours.service.js';

const tags = ['tours'];

export const tourRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'tour.read' }, schema: { tags, response: { 200: tourListResponse } } }, async (req) => listTours(requireActor(req.ctx)));
  app.get('/checklists', { config: { permission: 'tour.read' }, schema: { tags, response: { 200: checklistListResponse } } }, async (req) => listChecklists(requireActor(req.ctx)));
  app.post('/checklists', { config: { permission: 'tour.write' }, schema: { tags, body: createChecklistBody, response: { 201: checklistResponse } } }, async (req, reply) =>
    reply.code(201).send(await createChecklist(requireActor(req.ctx), req.body)),
  );
  app.post('/', { config: { permission: 'tour.write' }, schema: { tags, body: createTourBody, response: { 201: tourDetailResponse } } }, async (req, reply) =>
    reply.code(201).send(await createTour(requireActor(req.ctx), req.body)),
  );
  app.get('/:id', { config: { permission: 'tour.read' }, schema: { tags, params: tourIdParams, response: { 200: tourDetailResponse } } }, async (req) =>
    getTour(requireActor(req.ctx), req.params.id),
  );
  app.get('/:id/report.xlsx', { config: { permission: 'tour.export' }, schema: { tags, params: tourIdParams } }, async (req, reply) => {
    const { buffer, filename } = await buildTourReport(requireActor(req.ctx), req.params.id);
    return sendXlsx(reply, buffer, filename);
  });
  app.put('/:id/stops/:stopId/score', { config: { permission: 'tour.write' }, schema: { tags, params: stopParams, body: scoreStopBody, response: { 200: tourDetailResponse } } }, async (req) =>
    scoreStop(requireActor(req.ctx), req.params.id, req.params.stopId, req.body),
  );
  app.post('/:id/stops/:stopId/findings', { config: { permission: 'tour.write' }, schema: { tags, params: stopParams, body: addFindingBody, response: { 201: tourDetailResponse } } }, async (req, reply) =>
    reply.code(201).send(await addFinding(requireActor(req.ctx), req.params.id, req.params.stopId, req.body)),
  );
  app.post('/:id/complete', { config: { permission: 'tour.write' }, schema: { tags, params: tourIdParams, response: { 200: tourDetailResponse } } }, async (req) =>
    completeTour(requireActor(req.ctx), req.params.id),
  );
};
