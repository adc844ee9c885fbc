import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-context.js';
import { assignBody, createShiftBody, listShiftsQuery, myAssignmentsResponse, shiftDetailResponse, shiftIdParams, shiftListResponse, shiftResponse } from './duty-rosters.schema.js';
import { assignMember, checkIn, checkOut, createShift, getShift, listShifts, myAssignments, signUp } from './duty-rosters.service.js';

const tags = ['duty-rosters'];
const moveResponse = z.object({ id: z.string(), state: z.string(), points: z.number().optional() });

export const dutyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'duty.read' }, schema: { tags, querystring: listShiftsQuery, response: { 200: shiftListResponse } } }, async (req) => listShifts(requireActor(req.ctx), req.query));
  app.get('/mine', { config: { permission: 'duty.join' }, schema: { tags, response: { 200: myAssignmentsResponse } } }, async (req) => myAssignments(requireActor(req.ctx)));
  app.get('/:id', { config: { permission: 'duty.read' }, schema: { tags, params: shiftIdParams, response: { 200: shiftDetailResponse } } }, async (req) => getShift(requireActor(req.ctx), req.params.id));
  app.post('/', { config: { permission: 'duty.manage' }, schema: { tags, body: createShiftBody, response: { 201: shiftResponse } } }, async (req, reply) =>
    reply.code(201).send(await createShift(requireActor(req.ctx), req.body)),
  );
  app.post('/:id/signup', { config: { permission: 'duty.join' }, schema: { tags, params: shiftIdParams, response: { 200: shiftDetailResponse } } }, async (req) => signUp(requireActor(req.ctx), req.params.id));
  app.post('/:id/assign', { config: { permission: 'duty.manage' }, schema: { tags, params: shiftIdParams, body: assignBody, response: { 200: shiftDetailResponse } } }, async (req) =>
    assignMember(requireActor(req.ctx), req.params.id, req.body.memberId),
  );
  app.post('/assignments/:id/check-in', { config: { permission: 'duty.join' }, schema: { tags, params: shiftIdParams, response: { 200: moveResponse } } }, async (req) => checkIn(requireActor(req.ctx), req.params.id));
  app.post('/assignments/:id/check-out', { config: { permission: 'duty.join' }, schema: { tags, params: shiftIdParams, response: { 200: moveResponse } } }, async (req) => checkOut(requireActor(req.ctx), req.params.id));
};
