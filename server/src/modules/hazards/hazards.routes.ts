import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendStreamedLedger } from '../../platform/excel-stream.js';
import { requireActor } from '../../platform/request-context.js';
import { hazardFigures } from './hazards.metrics.js';
import { hazardLedgerSheet } from './hazards.ledger.js';
import {
  createHazardBody,
  deadlineFixBody,
  fixNowBody,
  hazardFiguresQuery,
  hazardFiguresResponse,
  hazardIdParams,
  hazardResponse,
  linkHazardBody,
  listHazardsQuery,
  listHazardsResponse,
  mapHazardsQuery,
  mapHazardsResponse,
  nearbyQuery,
  nearbyResponse,
} from './hazards.schema.js';
import { fixHazardByDeadline, fixHazardNow, getHazard, linkToHazard, listHazards, mapHazards, nearbyHazards, reportHazard } from './hazards.service.js';
import { createOpen311Key, listOpen311Keys, open311KeyCreatedResponse, open311KeyResponse, revokeOpen311Key } from './open311.keys.js';

const tags = ['hazards'];

export const hazardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'hazard.read' }, schema: { tags, querystring: listHazardsQuery, response: { 200: listHazardsResponse } } }, async (req) =>
    listHazards(requireActor(req.ctx), req.query),
  );
  app.get('/nearby', { config: { permission: 'hazard.read' }, schema: { tags, querystring: nearbyQuery, response: { 200: nearbyResponse } } }, async (req) =>
    nearbyHazards(requireActor(req.ctx), req.query),
  );
  app.get('/map', { config: { permission: 'hazard.read' }, schema: { tags, querystring: mapHazardsQuery, response: { 200: mapHazardsResponse } } }, async (req) =>
    mapHazards(requireActor(req.ctx), req.query),
  );
  app.get('/figures', { config: { permission: 'hazard.read' }, schema: { tags, querystring: hazardFiguresQuery, response: { 200: hazardFiguresResponse } } }, async (req) =>
    hazardFigures(requireActor(req.ctx), req.query),
  );
  app.get('/export.xlsx', { config: { permission: 'hazard.export' }, schema: { tags, querystring: listHazardsQuery.pick({ from: true, to: true, category: true, status: true, orgId: true }) } }, async (req, reply) => {
    const sheet = await hazardLedgerSheet(requireActor(req.ctx), req.query);
    return sendStreamedLedger(reply, sheet, `${sheet.title}.xlsx`);
  });
  app.post('/', { config: { permission: 'hazard.report' }, schema: { tags, body: createHazardBody, response: { 201: hazardResponse } } }, async (req, reply) => {
    const ctx = requireActor(req.ctx);
    const { id } = await reportHazard(ctx, req.body);
    return reply.code(201).send(await getHazard(ctx, id));
  });
  app.get('/:id', { config: { permission: 'hazard.read' }, schema: { tags, params: hazardIdParams, response: { 200: hazardResponse } } }, async (req) =>
    getHazard(requireActor(req.ctx), req.params.id),
  );
  app.post('/:id/fix-now', { config: { permission: 'hazard.decide' }, schema: { tags, params: hazardIdParams, body: fixNowBody, response: { 200: hazardResponse } } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await fixHazardNow(ctx, req.params.id, req.body);
    return getHazard(ctx, req.params.id);
  });
  app.post('/:id/deadline', { config: { permission: 'hazard.decide' }, schema: { tags, params: hazardIdParams, body: deadlineFixBody, response: { 200: hazardResponse } } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await fixHazardByDeadline(ctx, req.params.id, req.body);
    return getHazard(ctx, req.params.id);
  });
  app.post('/:id/link', { config: { permission: 'hazard.report' }, schema: { tags, params: hazardIdParams, body: linkHazardBody, response: { 200: hazardResponse } } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await linkToHazard(ctx, req.params.id, req.body);
    return getHazard(ctx, req.params.id);
  });

  app.get('/open311-keys', { config: { permission: 'open311.keys.manage' }, schema: { tags, response: { 200: z.object({ items: z.array(open311KeyResponse) }) } } }, async (req) =>
    listOpen311Keys(requireActor(req.ctx)),
  );
  app.post('/open311-keys', { config: { permission: 'open311.keys.manage' }, schema: { tags, body: z.object({ name: z.string().trim().min(1, '请填写名称').max(100) }), response: { 201: open311KeyCreatedResponse } } }, async (req, reply) =>
    reply.code(201).send(await createOpen311Key(requireActor(req.ctx), req.body.name)),
  );
  app.delete('/open311-keys/:id', { config: { permission: 'open311.keys.manage' }, schema: { tags, params: hazardIdParams, response: { 204: z.null() } } }, async (req, reply) => {
    await revokeOpen311Key(requireActor(req.ctx), req.params.id);
    return reply.code(204).send(null);
  });
};
