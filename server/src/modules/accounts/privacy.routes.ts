import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { filePrivacyRequestBody, handlePrivacyRequestBody, listPrivacyRequestsQuery, myDataResponse, privacyRequestListResponse, privacyRequestResponse } from './privacy.schema.js';
import { filePrivacyRequest, handlePrivacyRequest, listMyPrivacyRequests, listPrivacyRequests, myData } from './privacy.service.js';
import { userIdParams } from './users.schema.js';

const tags = ['privacy'];
const self = { permission: 'authenticated' };

/** PIPL: a person sees what is held about them and files tracked access / correction / deletion requests. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/privacy/my-data', { config: self, schema: { tags, response: { 200: myDataResponse } } }, async (req) => myData(requireActor(req.ctx)));
  app.get('/privacy/my-requests', { config: self, schema: { tags, response: { 200: z.object({ items: z.array(privacyRequestResponse) }) } } }, async (req) =>
    listMyPrivacyRequests(requireActor(req.ctx)),
  );
  app.post('/privacy/my-requests', { config: self, schema: { tags, body: filePrivacyRequestBody, response: { 201: privacyRequestResponse } } }, async (req, reply) =>
    reply.code(201).send(await filePrivacyRequest(requireActor(req.ctx), req.body)),
  );
  app.get('/privacy/requests', { config: { permission: 'privacy.handle' }, schema: { tags, querystring: listPrivacyRequestsQuery, response: { 200: privacyRequestListResponse } } }, async (req) =>
    listPrivacyRequests(requireActor(req.ctx), req.query),
  );
  app.post('/privacy/requests/:id/answer', { config: { permission: 'privacy.handle' }, schema: { tags, params: userIdParams, body: handlePrivacyRequestBody, response: { 200: privacyRequestResponse } } }, async (req) =>
    handlePrivacyRequest(requireActor(req.ctx), req.params.id, req.body),
  );
};
