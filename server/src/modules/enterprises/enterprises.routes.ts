import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildLedgerWorkbook, sendXlsx } from '../../platform/excel.js';
import { requireActor } from '../../platform/request-context.js';
import { recordDrill, listDrills } from './enterprises.drills.service.js';
import { getInspection, listInspections, recordInspection } from './enterprises.inspections.service.js';
import { enterpriseLedgerSheet, inspectionLedgerSheet } from './enterprises.ledgers.js';
import {
  banEnterpriseBody,
  createDrillBody,
  createEnterpriseBody,
  createInspectionBody,
  drillListResponse,
  drillResponse,
  enterpriseIdParams,
  enterpriseListResponse,
  enterpriseResponse,
  inspectionListResponse,
  inspectionResponse,
  ledgerQuery,
  listDrillsQuery,
  listEnterprisesQuery,
  listInspectionsQuery,
  updateEnterpriseBody,
} from './enterprises.schema.js';
import { banWorkshop, createEnterprise, getEnterprise, listEnterprises, updateEnterprise } from './enterprises.service.js';

const tags = ['enterprises'];

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'enterprise.read' }, schema: { tags, querystring: listEnterprisesQuery, response: { 200: enterpriseListResponse } } }, async (req) =>
    listEnterprises(requireActor(req.ctx), req.query),
  );
  app.post('/', { config: { permission: 'enterprise.write' }, schema: { tags, body: createEnterpriseBody, response: { 201: enterpriseResponse } } }, async (req, reply) =>
    reply.code(201).send(await createEnterprise(requireActor(req.ctx), req.body)),
  );
  // ledger.xlsx is the ledger centre's name; export.xlsx is what the shared list table downloads.
  for (const url of ['/ledger.xlsx', '/export.xlsx']) {
    app.get(url, { config: { permission: 'enterprise.read' }, schema: { tags, querystring: ledgerQuery } }, async (req, reply) =>
      sendXlsx(reply, await buildLedgerWorkbook(await enterpriseLedgerSheet(requireActor(req.ctx))), '企业台账.xlsx'),
    );
  }
  app.get('/inspections', { config: { permission: 'enterprise.read' }, schema: { tags, querystring: listInspectionsQuery, response: { 200: inspectionListResponse } } }, async (req) =>
    listInspections(requireActor(req.ctx), req.query),
  );
  app.get('/inspections/ledger.xlsx', { config: { permission: 'enterprise.read' }, schema: { tags, querystring: ledgerQuery } }, async (req, reply) =>
    sendXlsx(reply, await buildLedgerWorkbook(await inspectionLedgerSheet(requireActor(req.ctx), req.query)), '企业检查台账.xlsx'),
  );
  app.get('/inspections/:id', { config: { permission: 'enterprise.read' }, schema: { tags, params: enterpriseIdParams, response: { 200: inspectionResponse } } }, async (req) =>
    getInspection(requireActor(req.ctx), req.params.id),
  );
  app.get('/drills', { config: { permission: 'enterprise.read' }, schema: { tags, querystring: listDrillsQuery, response: { 200: drillListResponse } } }, async (req) =>
    listDrills(requireActor(req.ctx), req.query),
  );
  app.post('/drills', { config: { permission: 'enterprise.drill.write' }, schema: { tags, body: createDrillBody, response: { 201: drillResponse } } }, async (req, reply) =>
    reply.code(201).send(await recordDrill(requireActor(req.ctx), req.body)),
  );
  app.get('/:id', { config: { permission: 'enterprise.read' }, schema: { tags, params: enterpriseIdParams, response: { 200: enterpriseResponse } } }, async (req) =>
    getEnterprise(requireActor(req.ctx), req.params.id),
  );
  app.patch('/:id', { config: { permission: 'enterprise.write' }, schema: { tags, params: enterpriseIdParams, body: updateEnterpriseBody, response: { 200: enterpriseResponse } } }, async (req) =>
    updateEnterprise(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/:id/ban', { config: { permission: 'enterprise.ban' }, schema: { tags, params: enterpriseIdParams, body: banEnterpriseBody, response: { 200: enterpriseResponse } } }, async (req) =>
    banWorkshop(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/:id/inspections',
    { config: { permission: 'enterprise.inspect' }, schema: { tags, params: enterpriseIdParams, body: createInspectionBody, response: { 201: inspectionResponse } } },
    async (req, reply) => reply.code(201).send(await recordInspection(requireActor(req.ctx), req.params.id, req.body)),
  );
};
