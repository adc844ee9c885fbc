#!/usr/bin/env bash
# Regenerates the SQL migrations from the Drizzle tables.
# Until the first production release the migrations are squashed into one (docs/decisions/0003):
# the folder is rebuilt from the whole schema, so no rename prompts and no helper collisions.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/gongjian-db-generate.lock
flock 9
rm -rf server/src/db/migrations
npx drizzle-kit generate --name init >/tmp/gongjian-db-generate.log 2>&1 || { cat /tmp/gongjian-db-generate.log; exit 1; }
# Append hand-written SQL (triggers and the like) that Drizzle cannot express, in file order.
for f in server/src/db/extra/*.sql; do
  [ -e "$f" ] || continue
  printf '\n--> statement-breakpoint\n' >> server/src/db/migrations/0000_init.sql
  cat "$f" >> server/src/db/migrations/0000_init.sql
done
tail -3 /tmp/gongjian-db-generate.log
