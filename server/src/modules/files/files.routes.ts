import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { requireActor } from '../../platform/request-context.js';
import { readFile, saveUpload } from './files.service.js';

const tags = ['files'];
const fileResponse = z.object({ id: z.string(), contentType: z.string(), size: z.number(), url: z.string() });

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/', { config: { permission: 'file.upload' }, schema: { tags, consumes: ['multipart/form-data'], response: { 201: fileResponse } } }, async (req, reply) => {
    const ctx = requireActor(req.ctx);
    if (!req.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传文件', [{ path: 'file', message: '缺少文件' }]);
    const part = await req.file({ limits: { fileSize: ctx.services.config.uploadMaxBytes + 1 } });
    if (!part) throw new AppError('VALIDATION', '缺少文件', [{ path: 'file', message: '缺少文件' }]);
    const content = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件过大');
    const f = await saveUpload(ctx, { content, filename: part.filename });
    return reply.code(201).send({ id: f.id, contentType: f.contentType, size: f.size, url: `/api/files/${f.id}` });
  });
  app.get('/:id', { config: { permission: 'authenticated' }, schema: { tags, params: z.object({ id: z.string().uuid() }) } }, async (req, reply) => {
    const { file, content } = await readFile(req.ctx, req.params.id);
    return reply
      .header('Content-Type', file.contentType)
      .header('Cache-Control', 'private, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .send(content);
  });
};
