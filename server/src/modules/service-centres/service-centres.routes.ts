import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/request-context.js';
import {
  assessCentreBody,
  centreIdParams,
  centreListResponse,
  centreResponse,
  createCentreBody,
  publishStandardBody,
  standardResponse,
  updateCentreBody,
} from './service-centres.schema.js';
import { assessCentre, createCentre, getCentre, getStandard, listCentres, publishStandard, updateCentre } from './service-centres.service.js';

const tags = ['service-centres'];

export const centreRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'centre.read' }, schema: { tags, response: { 200: centreListResponse } } }, async (req) => listCentres(requireActor(req.ctx)));
  app.get('/standard', { config: { permission: 'centre.read' }, schema: { tags, response: { 200: standardResponse.nullable() } } }, async (req) =>
    getStandard(requireActor(req.ctx)),
  );
  app.post('/standard', { config: { permission: 'centre.standard' }, schema: { tags, body: publishStandardBody, response: { 201: standardResponse } } }, async (req, reply) =>
    reply.code(201).send(await publishStandard(requireActor(req.ctx), req.body)),
  );
  app.get('/:id', { config: { permission: 'centre.read' }, schema: { tags, params: centreIdParams, response: { 200: centreResponse } } }, async (req) =>
    getCentre(requireActor(req.ctx), req.params.id),
  );
  app.post('/', { config: { permission: 'centre.write' }, schema: { tags, body: createCentreBody, response: { 201: centreResponse } } }, async (req, reply) =>
    reply.code(201).send(await createCentre(requireActor(req.ctx), req.body)),
  );
  app.patch('/:id', { config: { permission: 'centre.write' }, schema: { tags, params: centreIdParams, body: updateCentreBody, response: { 200: centreResponse } } }, async (req) =>
    updateCentre(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/:id/assessments', { config: { permission: 'centre.assess' }, schema: { tags, params: centreIdParams, body: assessCentreBody, response: { 201: centreResponse } } }, async (req, reply) =>
    reply.code(201).send(await assessCentre(requireActor(req.ctx), req.params.id, req.body)),
  );
};
