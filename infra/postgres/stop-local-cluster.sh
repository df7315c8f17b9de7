#!/usr/bin/env bash
# Stops a cluster started by start-local-cluster.sh.
set -euo pipefail
dir="${1:?cluster directory}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -m fast stop; else "$bin/pg_ctl" -D "$dir" -m fast stop; fi
