import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { sendXlsx } from '../../platform/excel.js';
import { sendStreamedLedger } from '../../platform/excel-stream.js';
import { requireActor } from '../../platform/request-context.js';
import { memberExport } from './members.export.js';
import { buildImportTemplate, buildRejectedWorkbook, commitImport, dryRunImport } from './members.import.js';
import {
  changeStateBody,
  createMemberBody,
  exportQuery,
  importPlanResponse,
  listMembersQuery,
  memberDetail,
  memberIdParams,
  membersPage,
  revealBody,
  revealResponse,
  transferMemberBody,
  updateMemberBody,
} from './members.schema.js';
import { changeMemberState, createMember, getMember, getOwnMember, listMembers, revealMemberField, transferMember, updateMember } from './members.service.js';

const tags = ['members'];

interface ImportUpload {
  buffer: Buffer;
  fields: Record<string, string>;
}

/** Reads a multipart import: one .xlsx file (size-limited) and plain text fields (token, planDigest, orgId). */
async function readImportUpload(req: FastifyRequest): Promise<ImportUpload> {
  if (!req.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传表格文件', [{ path: 'file', message: '缺少文件' }]);
  const max = req.ctx.services.config.uploadMaxBytes;
  let buffer: Buffer | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts({ limits: { fileSize: max + 1 } })) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.file.truncated || content.length > max) throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.round(max / 1024 / 1024)} MB`);
      buffer = content;
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!buffer || buffer.length === 0) throw new AppError('VALIDATION', '缺少文件', [{ path: 'file', message: '缺少文件' }]);
  return { buffer, fields };
}

const uuidField = z.string().uuid('无效的组织编号').optional();
const commitFields = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/, '无效的预检凭据'),
  planDigest: z.string().regex(/^[0-9a-f]{64}$/, '无效的预检凭据'),
  orgId: uuidField,
});

function parseFields<T extends z.ZodTypeAny>(schema: T, fields: Record<string, string>): z.infer<T> {
  const r = schema.safeParse(fields);
  if (!r.success) {
    const details = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION', `输入有误：${details.map((d) => `${d.path} ${d.message}`).join('；')}`, details);
  }
  return r.data;
}

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { permission: 'member.read' }, schema: { tags, querystring: listMembersQuery, response: { 200: membersPage } } }, async (req) =>
    listMembers(requireActor(req.ctx), req.query),
  );
  app.get('/me', { config: { permission: 'member.self' }, schema: { tags, response: { 200: memberDetail } } }, async (req) => getOwnMember(requireActor(req.ctx)));
  app.get('/export.xlsx', { config: { permission: 'member.export' }, schema: { tags, querystring: exportQuery } }, async (req, reply) => {
    const { sheet, filename } = await memberExport(requireActor(req.ctx), req.query);
    return sendStreamedLedger(reply, sheet, filename);
  });
  app.get('/import/template', { config: { permission: 'member.import' }, schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, await buildImportTemplate(), '党员信息导入模板.xlsx'),
  );
  app.post('/import/dry-run', { config: { permission: 'member.import' }, schema: { tags, consumes: ['multipart/form-data'], response: { 200: importPlanResponse } } }, async (req) => {
    const { buffer, fields } = await readImportUpload(req);
    const { orgId } = parseFields(z.object({ orgId: uuidField }), fields);
    return dryRunImport(requireActor(req.ctx), buffer, orgId);
  });
  app.post('/import/commit', { config: { permission: 'member.import' }, schema: { tags, consumes: ['multipart/form-data'], response: { 200: importPlanResponse } } }, async (req) => {
    const { buffer, fields } = await readImportUpload(req);
    const f = parseFields(commitFields, fields);
    return commitImport(requireActor(req.ctx), { buffer, token: f.token, planDigest: f.planDigest, defaultOrgId: f.orgId });
  });
  app.post('/import/rejected', { config: { permission: 'member.import' }, schema: { tags, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const { buffer, fields } = await readImportUpload(req);
    const { orgId } = parseFields(z.object({ orgId: uuidField }), fields);
    return sendXlsx(reply, await buildRejectedWorkbook(requireActor(req.ctx), buffer, orgId), '未导入的党员信息.xlsx');
  });
  app.get('/:id', { config: { permission: 'member.read' }, schema: { tags, params: memberIdParams, response: { 200: memberDetail } } }, async (req) =>
    getMember(requireActor(req.ctx), req.params.id),
  );
  app.post('/', { config: { permission: 'member.write' }, schema: { tags, body: createMemberBody, response: { 201: memberDetail } } }, async (req, reply) =>
    reply.code(201).send(await createMember(requireActor(req.ctx), req.body)),
  );
  app.patch('/:id', { config: { permission: 'member.write' }, schema: { tags, params: memberIdParams, body: updateMemberBody, response: { 200: memberDetail } } }, async (req) =>
    updateMember(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/:id/transfer', { config: { permission: 'member.write' }, schema: { tags, params: memberIdParams, body: transferMemberBody, response: { 200: memberDetail } } }, async (req) =>
    transferMember(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/:id/state', { config: { permission: 'member.write' }, schema: { tags, params: memberIdParams, body: changeStateBody, response: { 200: memberDetail } } }, async (req) =>
    changeMemberState(requireActor(req.ctx), req.params.id, req.body),
  );
  app.post('/:id/reveal', { config: { permission: 'member.reveal' }, schema: { tags, params: memberIdParams, body: revealBody, response: { 200: revealResponse } } }, async (req, reply) => {
    const result = await revealMemberField(requireActor(req.ctx), req.params.id, req.body);
    return reply.header('Cache-Control', 'no-store').send(result);
  });
};
