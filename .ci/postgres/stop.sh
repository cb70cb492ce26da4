#!/usr/bin/env bash
# Stop the cluster started by .ci/postgres/start.sh and remove its data.
set -uo pipefail
PORT="${1:-54329}"
cd /  # the postgres user may not be allowed into the caller's directory
BASE="${TMPDIR:-/tmp}/portal-pg-$PORT"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -d "$BASE/data" ]; then
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$BIN/pg_ctl" -D "$BASE/data" -m fast -w stop >/dev/null
    else "$BIN/pg_ctl" -D "$BASE/data" -m fast -w stop >/dev/null; fi
fi
rm -rf "$BASE"
