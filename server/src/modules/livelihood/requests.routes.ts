import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { idParams } from './resettlement.schema.js';
import {
  answerBody,
  challengeResponse,
  dispatchBody,
  listRequestsQuery,
  publicOrgsResponse,
  publicRequestResponse,
  rateBody,
  rejectBody,
  requestRatesQuery,
  requestRatesResponse,
  requestResponse,
  submitRequestBody,
  submitResponse,
  tenantCodeParams,
  trackParams,
  trackQuery,
} from './requests.schema.js';
import {
  acceptRequest,
  answerRequest,
  claimWish,
  dispatchRequest,
  listPublicOrgs,
  listRequests,
  publicChallenge,
  ratePublicRequest,
  rejectRequest,
  requestRatesByOrg,
  submitPublicRequest,
  trackPublicRequest,
} from './requests.service.js';

const tags = ['requests'];
const open = { public: true };

export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  // Public: no account needed (a phone number for follow-up).
  app.get('/public/:tenantCode/orgs', { config: open, schema: { tags, params: tenantCodeParams, response: { 200: publicOrgsResponse } } }, async (req) => listPublicOrgs(req.ctx, req.params.tenantCode));
  app.get('/public/:tenantCode/challenge', { config: open, schema: { tags, params: tenantCodeParams, response: { 200: challengeResponse } } }, async (req) => publicChallenge(req.ctx, req.params.tenantCode));
  app.post('/public/:tenantCode/requests', { config: open, schema: { tags, params: tenantCodeParams, body: submitRequestBody, response: { 201: submitResponse } } }, async (req, reply) =>
    reply.code(201).send(await submitPublicRequest(req.ctx, req.params.tenantCode, req.body)),
  );
  app.get('/public/:tenantCode/requests/:code', { config: open, schema: { tags, params: trackParams, querystring: trackQuery, response: { 200: publicRequestResponse } } }, async (req) =>
    trackPublicRequest(req.ctx, req.params.tenantCode, req.params.code, req.query.last4),
  );
  app.post('/public/:tenantCode/requests/:code/rating', { config: open, schema: { tags, params: trackParams, body: rateBody, response: { 200: publicRequestResponse } } }, async (req) =>
    ratePublicRequest(req.ctx, req.params.tenantCode, req.params.code, req.body),
  );

  app.get('/requests', { config: { permission: 'request.read' }, schema: { tags, querystring: listRequestsQuery, response: { 200: z.object({ items: z.array(requestResponse), total: z.number(), page: z.number(), pageSize: z.number() }) } } }, async (req) =>
    listRequests(requireActor(req.ctx), req.query),
  );
  app.get('/requests/rates', { config: { permission: 'request.read' }, schema: { tags, querystring: requestRatesQuery, response: { 200: requestRatesResponse } } }, async (req) =>
    requestRatesByOrg(requireActor(req.ctx), req.query.from, req.query.to),
  );
  const handle = { permission: 'request.handle' };
  app.post('/requests/:id/accept', { config: handle, schema: { tags, params: idParams, response: { 200: requestResponse } } }, async (req) => acceptRequest(requireActor(req.ctx), req.params.id));
  app.post('/requests/:id/reject', { config: handle, schema: { tags, params: idParams, body: rejectBody, response: { 200: requestResponse } } }, async (req) => rejectRequest(requireActor(req.ctx), req.params.id, req.body.reason));
  app.post('/requests/:id/dispatch', { config: handle, schema: { tags, params: idParams, body: dispatchBody, response: { 200: requestResponse } } }, async (req) => dispatchRequest(requireActor(req.ctx), req.params.id, req.body));
  app.post('/requests/:id/answer', { config: { permission: 'request.read' }, schema: { tags, params: idParams, body: answerBody, response: { 200: requestResponse } } }, async (req) => answerRequest(requireActor(req.ctx), req.params.id, req.body.answer));
  app.post('/requests/:id/claim', { config: { permission: 'request.claim' }, schema: { tags, params: idParams, response: { 200: requestResponse } } }, async (req) => claimWish(requireActor(req.ctx), req.params.id));
};
