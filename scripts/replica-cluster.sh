#!/usr/bin/env bash
# A primary with a streaming replica and PgBouncer (transaction pooling) in front of the primary, all on
# loopback: the scale-out test (server/src/platform/scale-out.test.ts) and docs/scaling.md use it.
#   scripts/replica-cluster.sh start <dir> <base port>  → prints three lines: primary, replica, pgbouncer URLs
#   scripts/replica-cluster.sh stop <dir>
# Ports: base (primary), base+1 (replica), base+2 (pgbouncer). Installs postgresql-15/pgbouncer when missing.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?dir}; base=${3:-57400}
here=$(cd "$(dirname "$0")" && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
      echo "pgbouncer not found; installing it" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer) >&2
    fi
    primary=$(bash "$here/pg-cluster.sh" start "$dir/primary" "$base")
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    mkdir -p "$dir/replica"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/replica" "$dir"
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$base" -U postgres -D "$dir/replica/data" -R -X stream >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/replica/data" -l "$dir/replica/server.log" -w \
      -o "-p $((base + 1)) -k $dir/replica -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=200" start >/dev/null
    cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$base
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $((base + 2))
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = extra_float_digits,options
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
    echo '"postgres" ""' > "$dir/userlist.txt"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pgbouncer.ini" "$dir/userlist.txt"
    pgb=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
    as_pg "$pgb" -d "$dir/pgbouncer.ini" >/dev/null
    for _ in $(seq 1 50); do
      (exec 3<>/dev/tcp/127.0.0.1/$((base + 2))) 2>/dev/null && break
      sleep 0.1
    done
    echo "$primary"
    echo "postgres://postgres@127.0.0.1:$((base + 1))/postgres"
    echo "postgres://postgres@127.0.0.1:$((base + 2))/postgres"
    ;;
  stop)
    [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true
    if [ -n "$bin" ]; then as_pg "$bin/pg_ctl" -D "$dir/replica/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    bash "$here/pg-cluster.sh" stop "$dir/primary"
    rm -rf "$dir"
    ;;
esac
