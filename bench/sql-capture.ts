/**
 * Preloaded into a Gongjian server spawned by the baseline benchmark (`node --import bench/sql-capture.ts`):
 * appends every statement the server sends to PostgreSQL, with its parameters, as one JSON line to
 * $GONGJIAN_SQL_CAPTURE. The baseline server then replays exactly those statements.
 */
import fs from 'node:fs';
import pg from 'pg';

const file = process.env.GONGJIAN_SQL_CAPTURE;
if (file) {
  const original = pg.Client.prototype.query;
  const patched = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
    const values = Array.isArray(second) ? second : (first as { values?: unknown[] } | undefined)?.values;
    if (text) fs.appendFileSync(file, JSON.stringify({ text, values: values ?? [] }) + '\n');
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = patched as typeof pg.Client.prototype.query;
}
