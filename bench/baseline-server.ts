/**
 * The #8.2 baseline: a bare Fastify + `pg` server that answers GET /q/<name> by running the statements Gongjian
 * issued for that request (captured by bench/sql-capture.ts), with no auth, validation, serialisation schema or
 * audit, and returns the last statement's rows as JSON. Started as its own process by bench/city.bench.ts:
 *   DATABASE_URL=… BASELINE_QUERIES=/path/queries.json node --import tsx bench/baseline-server.ts
 * prints BASELINE_READY <url>.
 */
import fs from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

interface Statement {
  text: string;
  values: unknown[];
}

const queries = JSON.parse(fs.readFileSync(process.env.BASELINE_QUERIES ?? '', 'utf8')) as Record<string, Statement[]>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Params: { name: string } }>('/q/:name', async (req, reply) => {
  const list = queries[req.params.name];
  if (!list) return reply.code(404).send({ message: 'unknown query' });
  let rows: unknown[] = [];
  for (const s of list) rows = (await pool.query(s.text, s.values)).rows;
  return { rows };
});

app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log(`BASELINE_READY ${address}`));
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
