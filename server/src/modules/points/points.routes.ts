import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildLedgerWorkbook, sendXlsx } from '../../platform/excel.js';
import { sendStreamedLedger } from '../../platform/excel-stream.js';
import { pageQuery } from '../../platform/pagination.js';
import { requireActor } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { buildClaimsSheet, buildLedgerSheet, buildRankingSheet } from './points.export.js';
import { listEntries, reverseEntry } from './points.ledger.js';
import { listPairings } from './points.pairings.js';
import { getMyPoints, getRankings, latestEntryDay } from './points.rankings.js';
import { createRule, listRules } from './points.rules.js';
import {
  claimListResponse,
  claimResponse,
  createClaimBody,
  createRuleBody,
  decideManyBody,
  decideOneBody,
  decideResponse,
  entryListResponse,
  entryResponse,
  idParams,
  listClaimsQuery,
  listEntriesQuery,
  myPointsResponse,
  pairingListResponse,
  rankingQuery,
  rankingResponse,
  rejectBody,
  reverseBody,
  ruleListResponse,
  ruleResponse,
  latestDayResponse,
} from './points.schema.js';
import { decideClaim, decideClaims } from './points.decisions.js';
import { createClaim, getClaim, listClaims, withdrawClaim } from './points.service.js';

const tags = ['points'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const optionalPeriod = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const rankingExportQuery = optionalPeriod.extend({ level: z.enum(['member', 'branch', 'unit']).default('member') });

export const pointsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/rules', { config: { permission: 'points.read' }, schema: { tags, response: { 200: ruleListResponse } } }, async (req) => ({
    items: await listRules(requireActor(req.ctx)),
  }));
  app.post('/rules', { config: { permission: 'points.rules.write' }, schema: { tags, body: createRuleBody, response: { 201: ruleResponse } } }, async (req, reply) =>
    reply.code(201).send(await createRule(requireActor(req.ctx), req.body)),
  );

  app.post('/claims', { config: { permission: 'points.claim' }, schema: { tags, body: createClaimBody, response: { 201: claimResponse } } }, async (req, reply) =>
    reply.code(201).send(await createClaim(requireActor(req.ctx), req.body)),
  );
  app.get('/claims', { config: { permission: 'points.read' }, schema: { tags, querystring: listClaimsQuery, response: { 200: claimListResponse } } }, async (req) =>
    listClaims(requireActor(req.ctx), req.query),
  );
  app.get('/claims/:id', { config: { permission: 'points.read' }, schema: { tags, params: idParams, response: { 200: claimResponse } } }, async (req) =>
    getClaim(requireActor(req.ctx), req.params.id),
  );
  app.post('/claims/:id/approve', { config: { permission: 'points.approve' }, schema: { tags, params: idParams, body: decideOneBody, response: { 200: claimResponse } } }, async (req) =>
    decideClaim(requireActor(req.ctx), req.params.id, 'approve', req.body.reason),
  );
  app.post('/claims/:id/reject', { config: { permission: 'points.approve' }, schema: { tags, params: idParams, body: rejectBody, response: { 200: claimResponse } } }, async (req) =>
    decideClaim(requireActor(req.ctx), req.params.id, 'reject', req.body.reason),
  );
  app.post('/claims/decide', { config: { permission: 'points.approve' }, schema: { tags, body: decideManyBody, response: { 200: decideResponse } } }, async (req) =>
    decideClaims(requireActor(req.ctx), req.body),
  );
  app.post('/claims/:id/withdraw', { config: { permission: 'points.claim' }, schema: { tags, params: idParams, response: { 200: claimResponse } } }, async (req) =>
    withdrawClaim(requireActor(req.ctx), req.params.id),
  );

  app.get('/entries', { config: { permission: 'points.read' }, schema: { tags, querystring: listEntriesQuery, response: { 200: entryListResponse } } }, async (req) =>
    listEntries(requireActor(req.ctx), req.query),
  );
  app.post('/entries/:id/reverse', { config: { permission: 'points.reverse' }, schema: { tags, params: idParams, body: reverseBody, response: { 201: z.object({ id: z.string(), points: z.number() }) } } }, async (req, reply) => {
    const row = await reverseEntry(requireActor(req.ctx), req.params.id, req.body.reason);
    return reply.code(201).send({ id: row.id, points: row.points });
  });
  app.get('/pairings', { config: { permission: 'points.read' }, schema: { tags, querystring: pageQuery.extend({ householdId: z.string().uuid().optional() }), response: { 200: pairingListResponse } } }, async (req) =>
    listPairings(requireActor(req.ctx), req.query),
  );

  app.get('/rankings', { config: { permission: 'points.read' }, schema: { tags, querystring: rankingQuery, response: { 200: rankingResponse } } }, async (req) =>
    getRankings(requireActor(req.ctx), req.query),
  );
  app.get('/rankings/latest-day', { config: { permission: 'points.read' }, schema: { tags, response: { 200: latestDayResponse } } }, async (req) => ({
    latestDay: await latestEntryDay(requireActor(req.ctx)),
  }));
  app.get('/me', { config: { permission: 'points.read' }, schema: { tags, querystring: optionalPeriod, response: { 200: myPointsResponse } } }, async (req) => {
    const to = req.query.to ?? shanghaiDate();
    return getMyPoints(requireActor(req.ctx), { from: req.query.from ?? `${to.slice(0, 4)}-01-01`, to });
  });

  app.get('/export/ledger.xlsx', { config: { permission: 'points.export' }, schema: { tags, querystring: optionalPeriod } }, async (req, reply) =>
    sendStreamedLedger(reply, await buildLedgerSheet(requireActor(req.ctx), req.query), '积分台账.xlsx'),
  );
  app.get('/export/rankings.xlsx', { config: { permission: 'points.export' }, schema: { tags, querystring: rankingExportQuery } }, async (req, reply) =>
    sendXlsx(reply, await buildLedgerWorkbook(await buildRankingSheet(requireActor(req.ctx), req.query, req.query.level)), '积分排名.xlsx'),
  );
  app.get('/export/claims.xlsx', { config: { permission: 'points.export' }, schema: { tags, querystring: optionalPeriod } }, async (req, reply) =>
    sendXlsx(reply, await buildLedgerWorkbook(await buildClaimsSheet(requireActor(req.ctx), req.query)), '积分申报登记表.xlsx'),
  );
};
