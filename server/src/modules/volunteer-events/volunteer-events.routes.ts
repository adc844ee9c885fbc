import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildLedgerWorkbook, sendXlsx } from '../../platform/excel.js';
import { requireActor } from '../../platform/request-context.js';
import { buildRosterSheet } from './volunteer-events.export.js';
import { checkInBody, closeEventBody, createEventBody, eventDetailResponse, eventIdParams, eventListResponse, listEventsQuery, organiserCheckInBody } from './volunteer-events.schema.js';
import { cancelSignup, checkInByOrganiser, checkInByQr, checkOut, closeEvent, createEvent, getEvent, listEvents, signUp } from './volunteer-events.service.js';

const tags = ['volunteer-events'];
const detail = { 200: eventDetailResponse };

export const volunteerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'volunteer.read' }, schema: { tags, querystring: listEventsQuery, response: { 200: eventListResponse } } }, async (req) => listEvents(requireActor(req.ctx), req.query));
  app.get('/:id', { config: { permission: 'volunteer.read' }, schema: { tags, params: eventIdParams, response: detail } }, async (req) => getEvent(requireActor(req.ctx), req.params.id));
  app.post('/', { config: { permission: 'volunteer.manage' }, schema: { tags, body: createEventBody, response: { 201: eventDetailResponse } } }, async (req, reply) =>
    reply.code(201).send(await createEvent(requireActor(req.ctx), req.body)),
  );
  app.post('/:id/signup', { config: { permission: 'volunteer.join' }, schema: { tags, params: eventIdParams, response: detail } }, async (req) => signUp(requireActor(req.ctx), req.params.id));
  app.post('/:id/cancel-signup', { config: { permission: 'volunteer.join' }, schema: { tags, params: eventIdParams, response: detail } }, async (req) => cancelSignup(requireActor(req.ctx), req.params.id));
  app.post('/:id/check-in', { config: { permission: 'volunteer.join' }, schema: { tags, params: eventIdParams, body: checkInBody, response: detail } }, async (req) =>
    checkInByQr(requireActor(req.ctx), req.params.id, req.body.token),
  );
  app.post('/:id/check-in-member', { config: { permission: 'volunteer.manage' }, schema: { tags, params: eventIdParams, body: organiserCheckInBody, response: detail } }, async (req) =>
    checkInByOrganiser(requireActor(req.ctx), req.params.id, req.body.memberId),
  );
  app.post('/:id/check-out', { config: { permission: 'volunteer.join' }, schema: { tags, params: eventIdParams, response: detail } }, async (req) => checkOut(requireActor(req.ctx), req.params.id));
  app.post('/:id/close', { config: { permission: 'volunteer.manage' }, schema: { tags, params: eventIdParams, body: closeEventBody, response: detail } }, async (req) =>
    closeEvent(requireActor(req.ctx), req.params.id, req.body.peopleServed),
  );
  app.get('/:id/roster.xlsx', { config: { permission: 'volunteer.manage' }, schema: { tags, params: eventIdParams } }, async (req, reply) =>
    sendXlsx(reply, await buildLedgerWorkbook(await buildRosterSheet(requireActor(req.ctx), req.params.id)), '志愿服务签到表.xlsx'),
  );
};
