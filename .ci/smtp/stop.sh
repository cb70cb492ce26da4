#!/usr/bin/env bash
# Stop the server started by .ci/smtp/start.sh and remove its folder (with the Maildir).
set -uo pipefail
PORT="${1:-8025}"
BASE="${TMPDIR:-/tmp}/portal-smtp-$PORT"
if [ -f "$BASE/smtp.pid" ]; then
    pid="$(cat "$BASE/smtp.pid")"
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
fi
rm -rf "$BASE"
