#!/usr/bin/env bash
# Stop the node started by start.sh on PORT and remove its temp dir.
#
#   bash .ci/opensearch/stop.sh [PORT]        (default PORT: 9201)
set -euo pipefail

PORT="${1:-9201}"
case "$PORT" in
    ''|*[!0-9]*) echo "stop.sh: PORT must be a number, got '$PORT'" >&2; exit 2 ;;
esac
BASE="${TMPDIR:-/tmp}/portal-opensearch-$PORT"
PIDFILE="$BASE/opensearch.pid"

if [ -f "$PIDFILE" ]; then
    PID="$(cat "$PIDFILE")"
    case "$PID" in ''|*[!0-9]*) echo "stop.sh: bad pid file $PIDFILE" >&2; exit 1 ;; esac
    if kill -0 "$PID" 2>/dev/null; then
        kill -TERM "$PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$PID" 2>/dev/null; then
            echo "stop.sh: pid $PID did not stop after 30s, sending SIGKILL" >&2
            kill -KILL "$PID" 2>/dev/null || true
            sleep 1
        fi
    fi
    echo "stop.sh: OpenSearch on port $PORT stopped (pid $PID)" >&2
else
    echo "stop.sh: no pid file at $PIDFILE, nothing to stop" >&2
fi
rm -rf "$BASE"
