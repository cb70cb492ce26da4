#!/usr/bin/env bash
# Stop the server started by .ci/redis/start.sh and remove its folder.
set -uo pipefail
PORT="${1:-63790}"
BASE="${TMPDIR:-/tmp}/portal-redis-$PORT"
if [ -f "$BASE/redis.pid" ]; then
    redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$BASE/redis.pid")" 2>/dev/null
    for _ in $(seq 1 50); do
        [ -e "$BASE/redis.pid" ] && kill -0 "$(cat "$BASE/redis.pid" 2>/dev/null)" 2>/dev/null || break
        sleep 0.1
    done
fi
rm -rf "$BASE"
