import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { requireActor } from '../../platform/request-context.js';
import { importHouseholds } from './households.import.js';
import {
  createHouseholdBody,
  householdDetailResponse,
  householdIdParams,
  householdListResponse,
  householdResponse,
  importResponse,
  listHouseholdsQuery,
  updateHouseholdBody,
} from './households.schema.js';
import { createHousehold, getHouseholdDetail, listHouseholds, updateHousehold } from './households.service.js';

const tags = ['households'];

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'household.read' }, schema: { tags, querystring: listHouseholdsQuery, response: { 200: householdListResponse } } }, async (req) =>
    listHouseholds(requireActor(req.ctx), req.query),
  );
  app.get('/:id', { config: { permission: 'household.read' }, schema: { tags, params: householdIdParams, response: { 200: householdDetailResponse } } }, async (req) =>
    getHouseholdDetail(requireActor(req.ctx), req.params.id),
  );
  app.post('/', { config: { permission: 'household.write' }, schema: { tags, body: createHouseholdBody, response: { 201: householdResponse } } }, async (req, reply) =>
    reply.code(201).send(await createHousehold(requireActor(req.ctx), req.body)),
  );
  app.patch('/:id', { config: { permission: 'household.write' }, schema: { tags, params: householdIdParams, body: updateHouseholdBody, response: { 200: householdResponse } } }, async (req) =>
    updateHousehold(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/import', { config: { permission: 'household.write' }, schema: { tags, consumes: ['multipart/form-data'], response: { 200: importResponse } } }, async (req) => {
    const ctx = requireActor(req.ctx);
    if (!req.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传 .xlsx 文件', [{ path: 'file', message: '缺少文件' }]);
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', '缺少文件', [{ path: 'file', message: '缺少文件' }]);
    const content = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件过大');
    return importHouseholds(ctx, content);
  });
};
