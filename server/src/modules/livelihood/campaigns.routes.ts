import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import {
  campaignResponse,
  createCampaignBody,
  createFindingBody,
  createTaskBody,
  findingResponse,
  quantitiesQuery,
  quantityResponse,
  recordQuantityBody,
  taskResponse,
  totalsQuery,
  totalsResponse,
} from './campaigns.schema.js';
import { campaignTotals, completeTask, createCampaign, createFinding, createTask, listCampaigns, listFindings, listQuantities, listTasks, recordQuantity } from './campaigns.service.js';
import { dateBody, idParams } from './resettlement.schema.js';

const tags = ['campaigns'];
const read = { permission: 'campaign.read' };
const write = { permission: 'campaign.write' };
const created = z.object({ id: z.string() });

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/campaigns', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(campaignResponse) }) } } }, async (req) => listCampaigns(requireActor(req.ctx)));
  app.post('/campaigns', { config: { permission: 'campaign.manage' }, schema: { tags, body: createCampaignBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await createCampaign(requireActor(req.ctx), req.body) }),
  );
  app.get('/campaigns/:id/tasks', { config: read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(taskResponse) }) } } }, async (req) => listTasks(requireActor(req.ctx), req.params.id));
  app.post('/campaigns/:id/tasks', { config: write, schema: { tags, params: idParams, body: createTaskBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await createTask(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.post('/campaign-tasks/:id/complete', { config: write, schema: { tags, params: idParams, body: dateBody, response: { 204: z.null() } } }, async (req, reply) => {
    await completeTask(requireActor(req.ctx), req.params.id, req.body.date);
    return reply.code(204).send(null);
  });
  app.get('/campaigns/:id/quantities', { config: read, schema: { tags, params: idParams, querystring: quantitiesQuery, response: { 200: z.object({ items: z.array(quantityResponse), total: z.number(), page: z.number(), pageSize: z.number() }) } } }, async (req) =>
    listQuantities(requireActor(req.ctx), req.params.id, req.query),
  );
  app.post('/campaigns/:id/quantities', { config: write, schema: { tags, params: idParams, body: recordQuantityBody, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send({ id: await recordQuantity(requireActor(req.ctx), req.params.id, req.body) }),
  );
  app.get('/campaigns/:id/totals', { config: read, schema: { tags, params: idParams, querystring: totalsQuery, response: { 200: totalsResponse } } }, async (req) => campaignTotals(requireActor(req.ctx), req.params.id, req.query));
  app.get('/campaigns/:id/findings', { config: read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(findingResponse) }) } } }, async (req) => listFindings(requireActor(req.ctx), req.params.id));
  app.post('/campaigns/:id/findings', { config: { permission: 'campaign.finding' }, schema: { tags, params: idParams, body: createFindingBody, response: { 201: z.object({ id: z.string(), rectificationItemId: z.string().nullable() }) } } }, async (req, reply) =>
    reply.code(201).send(await createFinding(requireActor(req.ctx), req.params.id, req.body)),
  );
};
