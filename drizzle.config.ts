import { defineConfig } from 'drizzle-kit';

// Every module owns its tables in modules/<name>/<name>.table.ts (or *.table.ts files);
// migrations are generated into one folder and reviewed (see docs/decisions/0003).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/modules/*/*.table.ts',
  out: './server/src/db/migrations',
  casing: 'snake_case',
});
