import crypto from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import { AppError, fieldError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import { publicCounters } from './requests.table.js';

/** Public submissions per IP per hour; tracking look-ups per IP per hour (guessing the last 4 digits). */
export const SUBMISSIONS_PER_HOUR = 5;
export const LOOKUPS_PER_HOUR = 30;
const CHALLENGE_TTL_MS = 10 * 60 * 1000;

/** Increments a DB-backed counter for this IP in the current hour; over the limit is RATE_LIMITED. */
export async function hitRateLimit(ctx: RequestContext, tenantId: number, bucket: string, limit: number): Promise<void> {
  const hour = Math.floor(Date.now() / 3_600_000);
  const key = `${bucket}:${ctx.services.cipher.blindIndex(`ip:${ctx.ip}`)}:${hour}`;
  const expiresAt = new Date((hour + 1) * 3_600_000);
  const [row] = await ctx.db
    .insert(publicCounters)
    .values({ tenantId, key, count: 1, expiresAt })
    .onConflictDoUpdate({ target: [publicCounters.tenantId, publicCounters.key], set: { count: sql`${publicCounters.count} + 1` } })
    .returning({ count: publicCounters.count });
  if ((row?.count ?? 0) > limit) throw new AppError('RATE_LIMITED', '提交过于频繁，请一小时后再试');
}

/** Deletes counters whose window has passed (called on each public submission; the table stays small). */
export async function pruneCounters(ctx: RequestContext): Promise<void> {
  await ctx.db.delete(publicCounters).where(lt(publicCounters.expiresAt, new Date()));
}

function sign(ctx: RequestContext, payload: string): string {
  return ctx.services.cipher.blindIndex(`challenge:${payload}`);
}

/** A simple arithmetic question with an HMAC-signed token carrying the answer's inputs and expiry. */
export function createChallenge(ctx: RequestContext): { question: string; token: string } {
  const a = crypto.randomInt(1, 20);
  const b = crypto.randomInt(1, 20);
  const payload = Buffer.from(JSON.stringify({ a, b, exp: Date.now() + CHALLENGE_TTL_MS, n: crypto.randomBytes(8).toString('hex') })).toString('base64url');
  return { question: `${a} + ${b} = ?`, token: `${payload}.${sign(ctx, payload)}` };
}

/** Checks the signature, expiry and answer, then spends the token (once only, in the database). */
export async function verifyChallenge(ctx: RequestContext, tenantId: number, token: string, answer: number): Promise<void> {
  const [payload, sig] = token.split('.', 2);
  const expected = payload ? sign(ctx, payload) : '';
  if (!payload || !sig || sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
    throw fieldError('challengeAnswer', '验证题无效，请刷新后重试');
  }
  let data: { a: number; b: number; exp: number; n: string };
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof data;
  } catch {
    throw fieldError('challengeAnswer', '验证题无效，请刷新后重试');
  }
  if (data.exp < Date.now()) throw fieldError('challengeAnswer', '验证题已过期，请刷新后重试');
  if (data.a + data.b !== answer) throw fieldError('challengeAnswer', '验证题答案不正确');
  const [row] = await ctx.db
    .insert(publicCounters)
    .values({ tenantId, key: `nonce:${data.n}`, count: 1, expiresAt: new Date(data.exp) })
    .onConflictDoUpdate({ target: [publicCounters.tenantId, publicCounters.key], set: { count: sql`${publicCounters.count} + 1` } })
    .returning({ count: publicCounters.count });
  if ((row?.count ?? 0) > 1) throw fieldError('challengeAnswer', '验证题已使用，请刷新后重试');
}

