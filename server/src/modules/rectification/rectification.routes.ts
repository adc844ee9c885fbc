import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildLedgerWorkbook, sendXlsx } from '../../platform/excel.js';
import { requireActor } from '../../platform/request-context.js';
import { deleteCalendarDay, getCalendarYear, previewDeadline, setCalendarDay } from './rectification.calendar.js';
import { rectificationLedgerSheet } from './rectification.ledger.js';
import {
  assignBody,
  calendarDayBody,
  calendarDayParams,
  calendarDayResponse,
  calendarQuery,
  calendarResponse,
  deadlinePreviewQuery,
  deadlinePreviewResponse,
  extensionBody,
  itemIdParams,
  listItemsQuery,
  listItemsResponse,
  noteBody,
  reasonBody,
  rectificationDetailResponse,
  submitBody,
} from './rectification.schema.js';
import {
  assignItem,
  decideExtension,
  getRectificationItem,
  listRectificationItems,
  reopenItemById,
  requestExtension,
  returnItem,
  startItem,
  submitItem,
  verifyItem,
} from './rectification.service.js';

const tags = ['rectification'];
const detail = { 200: rectificationDetailResponse };

export const rectificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/items', { config: { permission: 'rectification.read' }, schema: { tags, querystring: listItemsQuery, response: { 200: listItemsResponse } } }, async (req) =>
    listRectificationItems(requireActor(req.ctx), req.query),
  );
  app.get('/items.xlsx', { config: { permission: 'rectification.export' }, schema: { tags, querystring: listItemsQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const ctx = requireActor(req.ctx);
    const sheet = await rectificationLedgerSheet(ctx, req.query);
    return sendXlsx(reply, await buildLedgerWorkbook(sheet), `${sheet.title}.xlsx`);
  });
  app.get('/items/:id', { config: { permission: 'rectification.read' }, schema: { tags, params: itemIdParams, response: detail } }, async (req) =>
    getRectificationItem(requireActor(req.ctx), req.params.id),
  );
  app.post('/items/:id/assign', { config: { permission: 'rectification.work' }, schema: { tags, params: itemIdParams, body: assignBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await assignItem(ctx, req.params.id, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/start', { config: { permission: 'rectification.work' }, schema: { tags, params: itemIdParams, body: noteBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await startItem(ctx, req.params.id, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/submit', { config: { permission: 'rectification.work' }, schema: { tags, params: itemIdParams, body: submitBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await submitItem(ctx, req.params.id, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/verify', { config: { permission: 'rectification.verify' }, schema: { tags, params: itemIdParams, body: noteBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await verifyItem(ctx, req.params.id, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/return', { config: { permission: 'rectification.verify' }, schema: { tags, params: itemIdParams, body: reasonBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await returnItem(ctx, req.params.id, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/reopen', { config: { permission: 'rectification.verify' }, schema: { tags, params: itemIdParams, body: reasonBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await reopenItemById(ctx, req.params.id, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/extension', { config: { permission: 'rectification.work' }, schema: { tags, params: itemIdParams, body: extensionBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await requestExtension(ctx, req.params.id, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/extension/approve', { config: { permission: 'rectification.extension.approve' }, schema: { tags, params: itemIdParams, body: reasonBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await decideExtension(ctx, req.params.id, true, req.body);
    return getRectificationItem(ctx, req.params.id);
  });
  app.post('/items/:id/extension/reject', { config: { permission: 'rectification.extension.approve' }, schema: { tags, params: itemIdParams, body: reasonBody, response: detail } }, async (req) => {
    const ctx = requireActor(req.ctx);
    await decideExtension(ctx, req.params.id, false, req.body);
    return getRectificationItem(ctx, req.params.id);
  });

  app.get('/calendar', { config: { permission: 'calendar.read' }, schema: { tags, querystring: calendarQuery, response: { 200: calendarResponse } } }, async (req) =>
    getCalendarYear(requireActor(req.ctx), req.query.year),
  );
  app.put('/calendar/:day', { config: { permission: 'calendar.write' }, schema: { tags, params: calendarDayParams, body: calendarDayBody.omit({ day: true }), response: { 200: calendarDayResponse } } }, async (req) =>
    setCalendarDay(requireActor(req.ctx), { ...req.body, day: req.params.day }),
  );
  app.delete('/calendar/:day', { config: { permission: 'calendar.write' }, schema: { tags, params: calendarDayParams, response: { 204: z.null() } } }, async (req, reply) => {
    await deleteCalendarDay(requireActor(req.ctx), req.params.day);
    return reply.code(204).send(null);
  });
  app.get('/deadline', { config: { permission: 'calendar.read' }, schema: { tags, querystring: deadlinePreviewQuery, response: { 200: deadlinePreviewResponse } } }, async (req) =>
    previewDeadline(requireActor(req.ctx), req.query.start, req.query.workingDays),
  );
};
