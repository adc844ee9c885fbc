import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2026-02-30', '9999-99-99' and year 0 match the YYYY-MM-DD pattern the schemas use but are no day PostgreSQL accepts. */
function isImpossibleDay(value: string): boolean {
  const m = isoDay.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d;
}

function findBadString(value: unknown, path: string, depth = 0): { path: string; message: string } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, message: '不能包含空字符 (NUL)' };
    if (isImpossibleDay(value)) return { path, message: '不是有效的日期' };
    return null;
  }
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findBadString(v, path ? `${path}.${k}` : k, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Input PostgreSQL cannot store or compare — a NUL character in text, a calendar-impossible YYYY-MM-DD — is
 * refused as a validation error before any handler runs (otherwise the query fails with a 500).
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    for (const part of [req.params, req.query, req.body]) {
      const bad = findBadString(part, '');
      if (bad) throw new AppError('VALIDATION', `输入有误：${bad.path} ${bad.message}`, [{ path: bad.path, message: bad.message }]);
    }
  });
}
