/**
 * The API fuzzer: reads /api/openapi.json from a test app and sends every operation malformed input
 * (wrong types, missing and extra fields, 1 MB strings, deep nesting, control/RTL characters, emoji, SQL and
 * HTML payloads, negative and huge numbers, bad dates, wrong content types, truncated multipart, bad path
 * params) as each role. A finding is a 5xx, a stack trace or SQL text in a body, an error body without
 * {code,message}, or a database change caused by a rejected request.
 */
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { queryRows } from '../../src/platform/db.js';
import type { TestApp } from '../test-app.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  $ref?: string;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
  multipart: boolean;
}

export interface FuzzCase {
  label: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

export interface Finding {
  operation: string;
  role: string;
  label: string;
  status: number;
  problem: string;
  body: string;
}

const ONE_MB = 'x'.repeat(1024 * 1024);
const UUID_NIL = '00000000-0000-4000-8000-000000000000';
export const nastyStrings: Array<[string, string]> = [
  ['control', 'a\u0000b\u0007c\u001b[31m\r\n\t\u007f'],
  ['rtl', '\u202e\u0644\u0627\u202c\u200f abc \u2066x\u2069'],
  ['emoji', '👨‍👩‍👧‍👦🏳️‍🌈𠀋𝌆'],
  ['sql', "'; drop table members; -- \" or 1=1 union select password_hash from users --"],
  ['html', '<script>alert(1)</script><img src=x onerror=alert(1)>{{7*7}}${7*7}'],
  ['lone-surrogate', 'a\ud800b'],
  ['empty', ''],
  ['spaces', '   '],
];
const nastyNumbers: Array<[string, unknown]> = [
  ['negative', -1],
  ['min-int', -2147483649],
  ['huge', 1e308],
  ['beyond-bigint', 9223372036854775808],
  ['fraction', 1.5],
  ['numeric-string', '12abc'],
];
const badDates = ['2026-02-30', '9999-99-99', '0000-00-00T25:61:61Z', 'yesterday', '-271821-04-19', '2026-13-01'];

function resolve(schema: JsonSchema | undefined, doc: OpenApiDoc): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(doc.components?.schemas?.[name], doc);
  }
  return schema;
}

function firstType(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return s.type;
}

/** A plausible value for a schema: required fields filled so the fuzzer gets past the first check. */
function plausible(schema: JsonSchema | undefined, doc: OpenApiDoc, depth = 0): unknown {
  const s = resolve(schema, doc);
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt && alt.length > 0) return plausible(alt.find((a) => resolve(a, doc).type !== 'null') ?? alt[0], doc, depth + 1);
  if (s.allOf && s.allOf.length > 0) return plausible(s.allOf[0], doc, depth + 1);
  switch (firstType(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = plausible(s.properties?.[k], doc, depth + 1);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return UUID_NIL;
      if (s.format === 'date') return '2026-01-15';
      if (s.format === 'date-time') return '2026-01-15T08:00:00.000Z';
      if (s.format === 'email') return 'a@example.com';
      return '测试'.padEnd(Math.max(s.minLength ?? 1, 2), '试');
    default:
      return 'x';
  }
}

function wrongTypeFor(s: JsonSchema): unknown {
  switch (firstType(s)) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return 'not an object';
    default:
      return [[[]]];
  }
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path: p,
        parameters: op.parameters ?? [],
        body: content['application/json']?.schema,
        multipart: Boolean(content['multipart/form-data']),
      });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** encodeURIComponent, but a lone surrogate becomes invalid UTF-8 bytes instead of an exception. */
function encode(v: string): string {
  return v
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function fillPath(op: Operation, value: (name: string) => string): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encode(value(name)));
}

function withQuery(url: string, q: Record<string, string>): string {
  const entries = Object.entries(q);
  if (entries.length === 0) return url;
  return `${url}?${entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}

function deepNesting(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/**
 * The deterministic sample for `npm test`: one case of each kind (label before ':'), the case within a kind and
 * the kinds kept (at most `limit`) rotating with the operation's index so the whole run covers every kind.
 */
export function sampleCases(cases: FuzzCase[], opIndex: number, limit = 8): FuzzCase[] {
  const kinds = new Map<string, FuzzCase[]>();
  for (const c of cases) {
    const kind = c.label.split(':')[0] ?? c.label;
    kinds.set(kind, [...(kinds.get(kind) ?? []), c]);
  }
  const picked = [...kinds.values()].map((group) => group[opIndex % group.length]).filter((c): c is FuzzCase => c !== undefined);
  if (picked.length <= limit) return picked;
  const start = (opIndex * limit) % picked.length;
  return [...picked.slice(start), ...picked.slice(0, start)].slice(0, limit);
}

/** Every malformed request for one operation. `otherTenantId` is an id that exists in another tenant. */
export function casesFor(op: Operation, doc: OpenApiDoc, otherTenantId: string, sample = false): FuzzCase[] {
  const cases: FuzzCase[] = [];
  // The sample keeps every kind of malformation but rotates through the values instead of trying each.
  const pick = <T>(list: T[], i: number): T[] => (sample ? list.filter((_x, j) => j === i % list.length) : list);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const goodPath = fillPath(op, (name) => {
    const s = resolve(op.parameters.find((p) => p.name === name)?.schema, doc);
    const v = plausible(s, doc);
    return typeof v === 'string' ? v : String(v);
  });
  const body = op.body ? resolve(op.body, doc) : undefined;
  const base = body ? plausible(body, doc) : undefined;
  const json = (label: string, value: unknown, url = goodPath) =>
    cases.push({ label, method: op.method, url, payload: JSON.stringify(value), contentType: 'application/json' });

  // Bad path parameters.
  if (pathParams.length > 0) {
    const variants: Array<[string, string]> = [
      ['path-not-uuid', 'not-a-uuid'],
      ['path-other-tenant', otherTenantId],
      ['path-unknown-uuid', UUID_NIL],
      ['path-traversal', '../../../etc/passwd'],
      ['path-sql', "1' or '1'='1"],
      ['path-emoji', '😀'],
      ['path-huge-number', '99999999999999999999999'],
      ['path-negative', '-1'],
      ['path-long', 'a'.repeat(5000)],
    ];
    for (const [label, v] of variants) {
      const url = fillPath(op, () => v);
      if (base !== undefined) json(label, base, url);
      else cases.push({ label, method: op.method, url });
    }
  }

  // Query strings.
  const qBase: Record<string, string> = {};
  for (const [qi, q] of queryParams.entries()) {
    const s = resolve(q.schema, doc);
    const wrong = wrongTypeFor(s);
    cases.push({ label: `query-wrong-type:${q.name}`, method: op.method, url: withQuery(goodPath, { ...qBase, [q.name]: typeof wrong === 'string' ? wrong : JSON.stringify(wrong) }) });
    if (!sample || qi === 0) {
      cases.push({ label: `query-long:${q.name}`, method: op.method, url: withQuery(goodPath, { [q.name]: 'q'.repeat(20000) }) });
      cases.push({ label: `query-array:${q.name}`, method: op.method, url: `${goodPath}?${q.name}=1&${q.name}=2&${q.name}[]=3` });
    }
    for (const [label, v] of pick(nastyNumbers, qi)) cases.push({ label: `query-${label}:${q.name}`, method: op.method, url: withQuery(goodPath, { [q.name]: String(v) }) });
    for (const [label, v] of pick(nastyStrings, qi)) cases.push({ label: `query-${label}:${q.name}`, method: op.method, url: withQuery(goodPath, { [q.name]: v }) });
    for (const d of pick(badDates, qi)) cases.push({ label: `query-date:${q.name}`, method: op.method, url: withQuery(goodPath, { [q.name]: d }) });
  }
  if (queryParams.length > 0) cases.push({ label: 'query-extra', method: op.method, url: withQuery(goodPath, { zzzExtra: '1', __proto__x: '1' }) });

  if (op.multipart) {
    const boundary = '----gongjianfuzz';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const m = (label: string, payload: string | Buffer, contentType = `multipart/form-data; boundary=${boundary}`) =>
      cases.push({ label, method: op.method, url: goodPath, payload, contentType });
    m('multipart-truncated', `${head}\xff\xd8\xff\xe0 partial`);
    m('multipart-no-file', `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`);
    m('multipart-not-an-image', `${head}<?php echo 1; ?>\r\n--${boundary}--\r\n`);
    m('multipart-bad-boundary', `${head}data\r\n--${boundary}--\r\n`, 'multipart/form-data; boundary=other');
    m('multipart-no-boundary', `${head}data\r\n--${boundary}--\r\n`, 'multipart/form-data');
    m('multipart-filename-traversal', `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--${boundary}--\r\n`);
    m('multipart-as-json', '{"file":"x"}', 'application/json');
  }

  if (!body || base === undefined || op.method === 'GET' || op.method === 'DELETE') return cases;

  // Bodies.
  json('body-empty-object', {});
  json('body-null', null);
  json('body-array', [base]);
  json('body-string', 'hello');
  json('body-number', 42);
  cases.push({ label: 'body-invalid-json', method: op.method, url: goodPath, payload: '{"a": ', contentType: 'application/json' });
  cases.push({ label: 'body-deep-nesting', method: op.method, url: goodPath, payload: deepNesting(20000), contentType: 'application/json' });
  cases.push({ label: 'body-text-plain', method: op.method, url: goodPath, payload: JSON.stringify(base), contentType: 'text/plain' });
  cases.push({ label: 'body-xml', method: op.method, url: goodPath, payload: '<?xml version="1.0"?><a>1</a>', contentType: 'application/xml' });
  cases.push({ label: 'body-form', method: op.method, url: goodPath, payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
  cases.push({ label: 'body-none', method: op.method, url: goodPath });
  if (typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const obj = base as Record<string, unknown>;
    json('body-extra-fields', { ...obj, zzzExtra: 1, isAdmin: true, tenantId: 0, role: 'platform_admin' });
    json('body-proto', JSON.parse(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`) as unknown);
    const props = Object.entries(body.properties ?? {});
    for (const k of body.required ?? []) {
      const rest = { ...obj };
      delete rest[k];
      json(`body-missing:${k}`, rest);
    }
    const allWrong: Record<string, unknown> = {};
    let strings = 0;
    for (const [pi, [k, ps]] of props.entries()) {
      const s = resolve(ps, doc);
      allWrong[k] = wrongTypeFor(s);
      json(`body-wrong-type:${k}`, { ...obj, [k]: wrongTypeFor(s) });
      if (!sample || pi === 0) {
        json(`body-null:${k}`, { ...obj, [k]: null });
        json(`body-nested:${k}`, { ...obj, [k]: JSON.parse(deepNesting(300)) as unknown });
      }
      const t = firstType(s);
      if (t === 'string' && !s.enum) {
        if (!sample || strings === 0) json(`body-1mb:${k}`, { ...obj, [k]: ONE_MB });
        for (const [label, v] of pick(nastyStrings, pi)) json(`body-${label}:${k}`, { ...obj, [k]: v });
        if (s.format === 'date' || s.format === 'date-time' || /date|day|at$|time|month/i.test(k)) {
          for (const d of pick(badDates, pi)) json(`body-bad-date:${k}`, { ...obj, [k]: d });
        }
        strings++;
      }
      if (t === 'integer' || t === 'number') for (const [label, v] of pick(nastyNumbers, pi)) json(`body-${label}:${k}`, { ...obj, [k]: v });
      if (t === 'array') {
        json(`body-huge-array:${k}`, { ...obj, [k]: Array.from({ length: 20000 }, () => 'x') });
        const items = resolve(ps.items, doc);
        json(`body-array-wrong-items:${k}`, { ...obj, [k]: [wrongTypeFor(items), null, ONE_MB.slice(0, 300000)] });
      }
    }
    json('body-all-wrong-types', allWrong);
  }
  return cases;
}

const stackOrSql = [
  /\bat [\w.$<>]+ \(?[^)\s]*:\d+:\d+\)?/, // stack frame
  /node_modules|\.ts:\d+|\.js:\d+:\d+/,
  /Failed query:/i,
  /syntax error at or near/i,
  /violates (foreign key|unique|check|not-null) constraint/i,
  /relation "[^"]+" does not exist|column "[^"]+" (of relation "[^"]+" )?does not exist/i,
  /invalid input syntax for type/i,
  /duplicate key value/i,
  /PGlite|drizzle|ZodError|TypeError|ReferenceError/,
];

/** What is wrong with one response, or null. */
export function problemWith(res: LightMyRequestResponse, isOpen311 = false): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  const body = res.body;
  for (const re of stackOrSql) if (re.test(body)) return `body leaks internals (${re.source})`;
  if (res.statusCode >= 400) {
    // Open311 GeoReport v2 answers its errors in the standard's own shape: a list of {code, description}.
    if (isOpen311 && /^<\?xml[\s\S]*<errors>/.test(body)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      return 'error body is not JSON';
    }
    if (isOpen311 && Array.isArray(parsed) && parsed.every((e: { code?: unknown; description?: unknown }) => typeof e.code === 'number' && typeof e.description === 'string')) return null;
    const p = parsed as { code?: unknown; message?: unknown };
    if (typeof p.code !== 'string' || typeof p.message !== 'string') return 'error body lacks {code,message}';
  }
  return null;
}

/**
 * Cheap database fingerprint: every table's row count, plus (for tables with updated_at) the latest update.
 * Sessions and login failures change on every authenticated or failed request by design and are left out.
 */
export async function databaseFingerprint(t: TestApp): Promise<string> {
  const tables = await queryRows<{ name: string; hasUpdated: boolean }>(
    t.db,
    sql`select c.table_name as name, exists (select 1 from information_schema.columns k where k.table_schema = 'public' and k.table_name = c.table_name and k.column_name = 'updated_at') as "hasUpdated"
        from information_schema.tables c where c.table_schema = 'public' and c.table_type = 'BASE TABLE' and c.table_name not in ('sessions', 'login_failures') order by 1`,
  );
  const parts = tables.map(({ name, hasUpdated }) =>
    hasUpdated
      ? sql`select ${name} as t, count(*)::text || '/' || coalesce(max(updated_at)::text, '') as v from ${sql.identifier(name)}`
      : sql`select ${name} as t, count(*)::text as v from ${sql.identifier(name)}`,
  );
  const rows = await queryRows<{ t: string; v: string }>(t.db, sql.join(parts, sql` union all `));
  return rows
    .map((r) => `${r.t}=${r.v}`)
    .sort()
    .join(';');
}

export async function fetchOpenApi(t: TestApp): Promise<OpenApiDoc> {
  const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  return res.json() as OpenApiDoc;
}

export function send(t: TestApp, c: FuzzCase, cookie: string | undefined): Promise<LightMyRequestResponse> {
  const opts: InjectOptions & { cookie?: string } = {
    method: c.method as InjectOptions['method'],
    url: c.url,
    cookie,
    // A separate address, so the login rate limit the fuzzer trips does not stop the role logins.
    remoteAddress: '10.99.0.1',
    headers: c.contentType ? { 'content-type': c.contentType } : {},
  };
  if (c.payload !== undefined) opts.payload = c.payload;
  return t.request(opts);
}
