#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a loopback port for tests (CI and developers).
# initdb refuses root, so as root the cluster is created and run as the `postgres` user.
# Usage: start-local-cluster.sh <dir> [port]    Prints the server URL on stdout.
# PG_EXTRA_OPTS adds server options (the benchmark preloads pg_stat_statements).
set -euo pipefail
dir="${1:?cluster directory}"
port="${2:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$dir"
  chmod a+x "$(dirname "$dir")" # mktemp -d makes 0700 parents the postgres user cannot enter
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTS:-}" start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
