#!/usr/bin/env bash
# Start a throw-away SMTP server on 127.0.0.1 for CI and local tests: what the portal mails lands in a Maildir that
# the tests marked `smtp` read.
#
#   bash .ci/smtp/start.sh [PORT]     (default PORT: 8025)
#
# Runs aiosmtpd (requirements-dev.txt) from the project's .venv with its Mailbox handler, keeps its pid file, log and
# Maildir under ${TMPDIR:-/tmp}/portal-smtp-PORT and prints EMAIL_URL=smtp://127.0.0.1:PORT and
# SMTP_MAILDIR=… as the last two stdout lines.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${1:-8025}"
BASE="${TMPDIR:-/tmp}/portal-smtp-$PORT"
PYTHON=.venv/bin/python
"$PYTHON" -c 'import aiosmtpd' 2>/dev/null || { echo "smtp/start.sh: aiosmtpd not installed (pip install -r requirements-dev.txt)" >&2; exit 1; }

listening() { "$PYTHON" -c "import smtplib, sys; smtplib.SMTP('127.0.0.1', $PORT, timeout=2).quit()" >/dev/null 2>&1; }

if ! listening; then
    rm -rf "$BASE"
    mkdir -p "$BASE"
    "$PYTHON" -m aiosmtpd --nosetuid --listen "127.0.0.1:$PORT" --class aiosmtpd.handlers.Mailbox "$BASE/maildir" \
        >"$BASE/server.log" 2>&1 &
    echo $! >"$BASE/smtp.pid"
    for _ in $(seq 1 50); do
        listening && break
        sleep 0.1
    done
    listening || { echo "smtp/start.sh: the server did not start (see $BASE/server.log)" >&2; exit 1; }
fi
echo "EMAIL_URL=smtp://127.0.0.1:$PORT"
echo "SMTP_MAILDIR=$BASE/maildir"
