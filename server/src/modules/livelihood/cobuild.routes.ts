import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import {
  claimNeedBody,
  createAgreementBody,
  createNeedBody,
  createResourceBody,
  createUnitBody,
  deliverBody,
  listNeedsQuery,
  memberReportBody,
  needResponse,
  projectResponse,
  rateProjectBody,
  reportToCommunityBody,
  resourceResponse,
  unitReportResponse,
  unitResponse,
  yearQuery,
} from './cobuild.schema.js';
import {
  addMemberReport,
  claimNeed,
  createAgreement,
  createNeed,
  createResource,
  createUnit,
  deliverProject,
  listCobuildProjects,
  listNeeds,
  listResources,
  listUnits,
  rateProject,
  reportToCommunity,
  unitYearReport,
} from './cobuild.service.js';
import { idParams } from './resettlement.schema.js';

const tags = ['cobuild'];
const read = { permission: 'cobuild.read' };
const write = { permission: 'cobuild.write' };
const offer = { permission: 'cobuild.offer' };
const created = z.object({ id: z.string() });

export const cobuildRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/units', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(unitResponse) }) } } }, async (req) => listUnits(requireActor(req.ctx)));
  app.post('/units', { config: write, schema: { tags, body: createUnitBody, response: { 201: created } } }, async (req, reply) => reply.code(201).send({ id: await createUnit(requireActor(req.ctx), req.body) }));
  app.post('/units/:id/report', { config: offer, schema: { tags, params: idParams, body: reportToCommunityBody, response: { 204: z.null() } } }, async (req, reply) => {
    await reportToCommunity(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  app.post('/units/:id/member-reports', { config: offer, schema: { tags, params: idParams, body: memberReportBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await addMemberReport(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.post('/units/:id/agreements', { config: write, schema: { tags, params: idParams, body: createAgreementBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await createAgreement(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.get('/units/:id/report', { config: read, schema: { tags, params: idParams, querystring: yearQuery, response: { 200: unitReportResponse } } }, async (req) => unitYearReport(requireActor(req.ctx), req.params.id, req.query.year));
  app.get('/needs', { config: read, schema: { tags, querystring: listNeedsQuery, response: { 200: z.object({ items: z.array(needResponse) }) } } }, async (req) => listNeeds(requireActor(req.ctx), req.query));
  app.post('/needs', { config: write, schema: { tags, body: createNeedBody, response: { 201: created } } }, async (req, reply) => reply.code(201).send({ id: await createNeed(requireActor(req.ctx), req.body) }));
  app.post('/needs/:id/claim', { config: offer, schema: { tags, params: idParams, body: claimNeedBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await claimNeed(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.get('/resources', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(resourceResponse) }) } } }, async (req) => listResources(requireActor(req.ctx)));
  app.post('/resources', { config: offer, schema: { tags, body: createResourceBody, response: { 201: created } } }, async (req, reply) => reply.code(201).send({ id: await createResource(requireActor(req.ctx), req.body) }));
  app.get('/projects', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(projectResponse) }) } } }, async (req) => listCobuildProjects(requireActor(req.ctx)));
  app.post('/projects/:id/deliver', { config: offer, schema: { tags, params: idParams, body: deliverBody, response: { 204: z.null() } } }, async (req, reply) => {
    await deliverProject(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  app.post('/projects/:id/rate', { config: write, schema: { tags, params: idParams, body: rateProjectBody, response: { 204: z.null() } } }, async (req, reply) => {
    await rateProject(requireActor(req.ctx), req.params.id, req.body);
    return reply.code(204).send(null);
  });
};
