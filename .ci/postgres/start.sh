#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster on 127.0.0.1 for CI and local tests.
#
#   bash .ci/postgres/start.sh [PORT]     (default PORT: 54329)
#
# Uses the Debian server binaries (/usr/lib/postgresql/*/bin), runs as the unprivileged
# «postgres» user (PostgreSQL refuses root), keeps data under ${TMPDIR:-/tmp}/portal-pg-PORT,
# trusts loopback connections (throw-away data only) and prints
# DATABASE_URL=postgres://postgres@127.0.0.1:PORT/portal as the last stdout line.
set -euo pipefail

PORT="${1:-54329}"
cd /  # the postgres user may not be allowed into the caller's directory
BASE="${TMPDIR:-/tmp}/portal-pg-$PORT"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$BIN/initdb" ] || { echo "postgres/start.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
fi

if ! as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    rm -rf "$BASE"
    mkdir -p "$BASE"
    [ "$(id -u)" = 0 ] && chown postgres "$BASE"
    as_pg "$BIN/initdb" -D "$BASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$BIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$BASE -c fsync=off -c full_page_writes=off" \
        start >/dev/null
fi
as_pg "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'portal'" \
    | grep -q 1 || as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres portal
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/portal"
