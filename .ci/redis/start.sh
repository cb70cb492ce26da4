#!/usr/bin/env bash
# Start a throw-away Redis server on 127.0.0.1 for CI and local tests: the scaled tier's shared cache.
#
#   bash .ci/redis/start.sh [PORT]     (default PORT: 63790)
#
# Uses Debian's redis-server, keeps nothing on disk (no RDB snapshots, no append-only file), keeps its pid file
# and log under ${TMPDIR:-/tmp}/portal-redis-PORT and prints CACHE_URL=redis://127.0.0.1:PORT/0 as the last
# stdout line.
set -euo pipefail

PORT="${1:-63790}"
BASE="${TMPDIR:-/tmp}/portal-redis-$PORT"
command -v redis-server >/dev/null || { echo "redis/start.sh: redis-server not found (apt-get install redis-server)" >&2; exit 1; }

if ! redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then
    rm -rf "$BASE"
    mkdir -p "$BASE"
    redis-server --bind 127.0.0.1 --port "$PORT" --protected-mode yes --save '' --appendonly no \
        --dir "$BASE" --pidfile "$BASE/redis.pid" --logfile "$BASE/server.log" --daemonize yes
    for _ in $(seq 1 50); do
        redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null || { echo "redis/start.sh: the server did not start (see $BASE/server.log)" >&2; exit 1; }
fi
echo "CACHE_URL=redis://127.0.0.1:$PORT/0"
