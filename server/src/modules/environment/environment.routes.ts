import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildLedgerWorkbook, sendXlsx } from '../../platform/excel.js';
import { requireActor } from '../../platform/request-context.js';
import { createEntryApplication, decideEntryApplication, getEntryApplication, listEntryApplications, reviewEntryApplication } from './environment.entries.service.js';
import { pollutionLedgerSheet } from './environment.ledgers.js';
import {
  createPollutionEnterprise,
  getPollutionEnterprise,
  listPollutionEnterprises,
  recordRecheck,
  signOffPollution,
  startRemediation,
  updateChecklist,
} from './environment.pollution.service.js';
import {
  createEntryBody,
  createPollutionBody,
  createSiteBody,
  decideEntryBody,
  entryListResponse,
  entryResponse,
  idParams,
  listEntriesQuery,
  listPollutionQuery,
  listSiteChecksQuery,
  pollutionDetailResponse,
  pollutionListResponse,
  recheckBody,
  reviewEntryBody,
  signOffBody,
  siteCheckBody,
  siteCheckListResponse,
  siteCheckResponse,
  siteListResponse,
  siteResponse,
  startRemediationBody,
  updateChecklistBody,
} from './environment.schema.js';
import { createSite, listSiteChecks, listSites, recordSiteCheck } from './environment.sites.service.js';

const tags = ['environment'];

export const environmentRoutes: FastifyPluginAsyncZod = async (app) => {
  // 散乱污 ledger
  app.get('/pollution', { config: { permission: 'environment.read' }, schema: { tags, querystring: listPollutionQuery, response: { 200: pollutionListResponse } } }, async (req) =>
    listPollutionEnterprises(requireActor(req.ctx), req.query),
  );
  for (const url of ['/pollution/ledger.xlsx', '/pollution/export.xlsx']) {
    app.get(url, { config: { permission: 'environment.read' }, schema: { tags } }, async (req, reply) =>
      sendXlsx(reply, await buildLedgerWorkbook(await pollutionLedgerSheet(requireActor(req.ctx))), '散乱污企业整治台账.xlsx'),
    );
  }
  app.post('/pollution', { config: { permission: 'environment.write' }, schema: { tags, body: createPollutionBody, response: { 201: pollutionDetailResponse } } }, async (req, reply) =>
    reply.code(201).send(await createPollutionEnterprise(requireActor(req.ctx), req.body)),
  );
  app.get('/pollution/:id', { config: { permission: 'environment.read' }, schema: { tags, params: idParams, response: { 200: pollutionDetailResponse } } }, async (req) =>
    getPollutionEnterprise(requireActor(req.ctx), req.params.id),
  );
  app.post('/pollution/:id/start', { config: { permission: 'environment.write' }, schema: { tags, params: idParams, body: startRemediationBody, response: { 200: pollutionDetailResponse } } }, async (req) =>
    startRemediation(requireActor(req.ctx), req.params.id, req.body),
  );
  app.patch('/pollution/:id/checklist', { config: { permission: 'environment.write' }, schema: { tags, params: idParams, body: updateChecklistBody, response: { 200: pollutionDetailResponse } } }, async (req) =>
    updateChecklist(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/pollution/:id/sign-off', { config: { permission: 'environment.sign_off' }, schema: { tags, params: idParams, body: signOffBody, response: { 200: pollutionDetailResponse } } }, async (req) =>
    signOffPollution(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/pollution/:id/rechecks', { config: { permission: 'environment.write' }, schema: { tags, params: idParams, body: recheckBody, response: { 201: pollutionDetailResponse } } }, async (req, reply) =>
    reply.code(201).send(await recordRecheck(requireActor(req.ctx), req.params.id, req.body)),
  );

  // 安置区工地 and their daily 8个100% checks
  app.get('/sites', { config: { permission: 'environment.read' }, schema: { tags, response: { 200: siteListResponse } } }, async (req) => listSites(requireActor(req.ctx)));
  app.post('/sites', { config: { permission: 'environment.sign_off' }, schema: { tags, body: createSiteBody, response: { 201: siteResponse } } }, async (req, reply) =>
    reply.code(201).send(await createSite(requireActor(req.ctx), req.body)),
  );
  app.get('/sites/:id/checks', { config: { permission: 'environment.read' }, schema: { tags, params: idParams, querystring: listSiteChecksQuery, response: { 200: siteCheckListResponse } } }, async (req) =>
    listSiteChecks(requireActor(req.ctx), req.params.id, req.query),
  );
  app.post('/sites/:id/checks', { config: { permission: 'environment.write' }, schema: { tags, params: idParams, body: siteCheckBody, response: { 201: siteCheckResponse } } }, async (req, reply) =>
    reply.code(201).send(await recordSiteCheck(requireActor(req.ctx), req.params.id, req.body)),
  );

  // 联审联批
  app.get('/entries', { config: { permission: 'environment.read' }, schema: { tags, querystring: listEntriesQuery, response: { 200: entryListResponse } } }, async (req) =>
    listEntryApplications(requireActor(req.ctx), req.query),
  );
  app.post('/entries', { config: { permission: 'environment.write' }, schema: { tags, body: createEntryBody, response: { 201: entryResponse } } }, async (req, reply) =>
    reply.code(201).send(await createEntryApplication(requireActor(req.ctx), req.body)),
  );
  app.get('/entries/:id', { config: { permission: 'environment.read' }, schema: { tags, params: idParams, response: { 200: entryResponse } } }, async (req) =>
    getEntryApplication(requireActor(req.ctx), req.params.id),
  );
  app.post('/entries/:id/review', { config: { permission: 'environment.entry.review' }, schema: { tags, params: idParams, body: reviewEntryBody, response: { 200: entryResponse } } }, async (req) =>
    reviewEntryApplication(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/entries/:id/decision', { config: { permission: 'environment.entry.review' }, schema: { tags, params: idParams, body: decideEntryBody, response: { 200: entryResponse } } }, async (req) =>
    decideEntryApplication(requireActor(req.ctx), req.params.id, req.body),
  );
};
