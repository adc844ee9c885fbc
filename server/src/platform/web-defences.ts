import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface WebDefenceOptions {
  /** Exports (.xlsx, ledger files) one user may start per minute. */
  exportsPerMinute: number;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Export routes: anything that hands back a spreadsheet or a prepared export file. */
export function isExportRoute(method: string, url: string): boolean {
  if (/\.xlsx$|\/xlsx$/.test(url)) return true;
  return /\/exports(\/|$)/.test(url) && (method === 'POST' || url.endsWith('/file'));
}

/**
 * Cross-site request check for state-changing API calls (defence in depth over the SameSite=Strict cookie).
 * Browsers send Sec-Fetch-Site (and Origin on POST): anything but same-origin is refused. Clients that send
 * neither header are not browsers, so an attacker's page cannot make them; the API-key Open311 routes live
 * outside /api and are not checked.
 */
export function assertSameOrigin(req: FastifyRequest): void {
  if (!UNSAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new AppError('FORBIDDEN', '拒绝跨站请求');
  }
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    let host = '';
    try {
      host = new URL(origin).host;
    } catch {
      host = '';
    }
    if (host === '' || host !== req.host) throw new AppError('FORBIDDEN', '拒绝跨站请求');
  }
}

/**
 * Security headers (strict CSP: scripts from this origin only; antd needs inline styles), the cross-site check,
 * `Cache-Control: no-store` on every API answer (they may carry personal data) and a per-user limit on exports.
 * Register before the routes.
 */
export async function registerWebDefences(app: FastifyInstance, opts: WebDefenceOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only makes sense over HTTPS; a street on plain HTTP inside its LAN must not be pinned to HTTPS.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
  });

  app.addHook('onRequest', async (req) => assertSameOrigin(req));

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) {
      reply.header('Cache-Control', 'no-store');
      reply.header('Pragma', 'no-cache');
    }
    if (req.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    return payload;
  });

  await app.register(rateLimit, {
    global: true,
    max: opts.exportsPerMinute,
    timeWindow: 60_000,
    // Route hooks run after the context hook, so the actor is known here.
    keyGenerator: (req) => `export:${req.ctx?.actor ? `${req.ctx.actor.tenantId}.${req.ctx.actor.userId}` : req.ip}`,
    allowList: (req) => !isExportRoute(req.method, req.routeOptions.url ?? ''),
    errorResponseBuilder: (_req, context) => new AppError('RATE_LIMITED', `导出过于频繁，请${Math.ceil(context.ttl / 1000)}秒后再试`),
  });
}
