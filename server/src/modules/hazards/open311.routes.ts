import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOpen311Request,
  getOpen311Request,
  listOpen311Requests,
  listOpen311Services,
  Open311Error,
} from './open311.service.js';
import { toXmlList } from './open311.xml.js';

type Format = 'json' | 'xml';
const tags = ['open311'];
const params = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const open311Error = z.array(z.object({ code: z.number(), description: z.string() }));
const serviceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
const requestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
const createdSchema = z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() });
// Errors raised before the handler (malformed JSON, refused input, rate limits) come from the app's error
// handler in its {code,message} shape; without it here their serialisation failed with a 500.
const platformError = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
const open311OrPlatformError = z.union([open311Error, platformError]);
const errorResponses = { 400: open311OrPlatformError, 403: open311OrPlatformError, 404: open311OrPlatformError, 500: open311OrPlatformError };

function sendList(reply: FastifyReply, format: Format, root: string, item: string, rows: ReadonlyArray<object>, status = 200) {
  if (format === 'xml') return reply.code(status).type('application/xml; charset=utf-8').send(toXmlList(root, item, rows));
  return reply.code(status).type('application/json; charset=utf-8').send(rows);
}

/** Turns any failure into the GeoReport error list, in the format the client asked for. */
async function answer(reply: FastifyReply, format: Format, run: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await run();
  } catch (e) {
    const err = e instanceof Open311Error ? e : new Open311Error(500, 'internal error');
    if (!(e instanceof Open311Error)) reply.log.error({ err: e }, 'open311 failure');
    return sendList(reply, format, 'errors', 'error', [{ code: err.status, description: err.description }], err.status);
  }
}

/**
 * Open311 GeoReport v2 at /open311/v2: services, requests (GET with the standard filters, POST with an
 * api_key issued by the street), one request; every document as .json or .xml.
 */
export const open311Routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  // GeoReport clients POST application/x-www-form-urlencoded.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  for (const format of ['json', 'xml'] as const) {
    const xml = format === 'xml';
    app.get(
      `/services.${format}`,
      { config: { public: true }, schema: { tags, querystring: params, response: { 200: xml ? z.string() : z.array(serviceSchema), ...errorResponses } } },
      async (_req, reply) => answer(reply, format, async () => sendList(reply, format, 'services', 'service', listOpen311Services())),
    );
    app.get(
      `/requests.${format}`,
      { config: { public: true }, schema: { tags, querystring: params, response: { 200: xml ? z.string() : z.array(requestSchema), ...errorResponses } } },
      async (req, reply) => answer(reply, format, async () => sendList(reply, format, 'service_requests', 'request', await listOpen311Requests(req.ctx.db, req.query))),
    );
    app.post(
      `/requests.${format}`,
      { config: { public: true }, schema: { tags, querystring: params, body: params.optional(), response: { 201: xml ? z.string() : z.array(createdSchema), ...errorResponses } } },
      async (req, reply) =>
        answer(reply, format, async () => {
          const created = await createOpen311Request(req.ctx.db, { ...req.query, ...(req.body ?? {}) });
          return sendList(reply, format, 'service_requests', 'request', [created], 201);
        }),
    );
  }
  app.get(
    '/requests/:file',
    { config: { public: true }, schema: { tags, params: z.object({ file: z.string().max(80) }), querystring: params, response: { 200: z.union([z.string(), z.array(requestSchema)]), ...errorResponses } } },
    async (req, reply) => {
      const m = /^(.+)\.(json|xml)$/.exec(req.params.file);
      const format: Format = m?.[2] === 'xml' ? 'xml' : 'json';
      return answer(reply, format, async () => {
        if (!m) throw new Open311Error(404, 'format must be .json or .xml');
        return sendList(reply, format, 'service_requests', 'request', await getOpen311Request(req.ctx.db, m[1], req.query));
      });
    },
  );
};
