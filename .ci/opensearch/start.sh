#!/usr/bin/env bash
# Start a throw-away single-node OpenSearch 2.19 on 127.0.0.1 for CI and local tests.
#
#   bash .ci/opensearch/start.sh [PORT]        (default PORT: 9201)
#
# Builds the classpath with Maven (first run downloads from Maven Central; later runs
# reuse target/ and need no network), starts the node in the background with its data,
# logs and PID file under ${TMPDIR:-/tmp}/portal-opensearch-PORT, waits for cluster health
# yellow/green and prints OPENSEARCH_URL=http://127.0.0.1:PORT as the last stdout line.
# Stop it with: bash .ci/opensearch/stop.sh [PORT]
#
# Environment (all optional):
#   OPENSEARCH_JAVA            java binary (default: $JAVA_HOME/bin/java, else java on PATH;
#                              JDK 17 is the target, JDK 25 also starts)
#   OPENSEARCH_HEAP            heap size (default 512m, used for -Xms and -Xmx)
#   OPENSEARCH_START_TIMEOUT   seconds to wait for health (default 180)
#   OPENSEARCH_RUN_AS          when started as root, run the node as this user (created as a
#                              system user if missing); empty = run as the calling user
set -euo pipefail

PORT="${1:-9201}"
case "$PORT" in
    ''|*[!0-9]*) echo "start.sh: PORT must be a number, got '$PORT'" >&2; exit 2 ;;
esac

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE="${TMPDIR:-/tmp}/portal-opensearch-$PORT"
PIDFILE="$BASE/opensearch.pid"
LOG="$BASE/node.log"
URL="http://127.0.0.1:$PORT"
HEAP="${OPENSEARCH_HEAP:-512m}"
TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
RUN_AS="${OPENSEARCH_RUN_AS:-}"

say() { echo "start.sh: $*" >&2; }
die() { say "$*"; exit 1; }

command -v curl >/dev/null || die "curl is required"

if [ -n "${OPENSEARCH_JAVA:-}" ]; then
    JAVA="$OPENSEARCH_JAVA"
elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA="$(command -v java || true)"
fi
[ -n "$JAVA" ] && [ -x "$JAVA" ] || die "no java found (set OPENSEARCH_JAVA or JAVA_HOME)"

# --- already running? -----------------------------------------------------------------
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    if curl -fsS -m 5 "$URL/_cluster/health" 2>/dev/null | grep -q '"cluster_name":"portal-ci"'; then
        say "node already running (pid $(cat "$PIDFILE")) on port $PORT, reusing it"
        echo "OPENSEARCH_URL=$URL"
        exit 0
    fi
    die "pid $(cat "$PIDFILE") from $PIDFILE is alive but $URL does not answer; run stop.sh $PORT first"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT on 127.0.0.1 is already in use by another process"
fi

# --- classpath (Maven) -----------------------------------------------------------------
STAMP="$HERE/target/.classpath-ready"
if [ ! -f "$STAMP" ] || [ -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$STAMP" -print -quit)" ]; then
    command -v mvn >/dev/null || die "mvn (Maven 3.6+) is required for the first run"
    rm -rf "$HERE/target/lib" "$STAMP"
    MVNLOG="$(mktemp)"
    # Offline first: works without network once ~/.m2 holds the jars; otherwise resolve online.
    if ! mvn -B -q -o -f "$HERE/pom.xml" compile >"$MVNLOG" 2>&1; then
        rm -rf "$HERE/target/lib"
        if ! mvn -B -q -f "$HERE/pom.xml" compile >"$MVNLOG" 2>&1; then
            cat "$MVNLOG" >&2
            rm -f "$MVNLOG"
            die "Maven could not build the classpath"
        fi
    fi
    rm -f "$MVNLOG"
    touch "$STAMP"
fi

# --- fresh state directory -------------------------------------------------------------
rm -rf "$BASE"
mkdir -p "$BASE/home" "$BASE/tmp"
: >"$LOG"

RUN=()
if [ "$(id -u)" = 0 ] && [ -n "$RUN_AS" ]; then
    if ! id -u "$RUN_AS" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_AS" \
            || die "could not create system user $RUN_AS"
    fi
    # The node only reads target/ (jars copied out of ~/.m2) and writes under $BASE.
    if ! runuser -u "$RUN_AS" -- test -r "$HERE/target/lib" ; then
        mkdir -p "$BASE/cp"
        cp -r "$HERE/target/classes" "$HERE/target/lib" "$BASE/cp/"
    fi
    chown -R "$RUN_AS:" "$BASE"
    chmod 755 "$BASE"
    RUN=(runuser -u "$RUN_AS" --)
fi
if [ -d "$BASE/cp" ]; then CP="$BASE/cp/classes:$BASE/cp/lib/*"; else CP="$HERE/target/classes:$HERE/target/lib/*"; fi

# Same choice as the OpenSearch launcher (SystemJvmOptions): COMPAT locale data up to JDK 22, CLDR after.
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${JAVA_MAJOR:-17}" -ge 23 ] 2>/dev/null; then LOCALE_PROVIDERS=SPI,CLDR; else LOCALE_PROVIDERS=SPI,COMPAT; fi

JVM_OPTS=(
    "-Xms$HEAP" "-Xmx$HEAP"
    -XX:+UseG1GC
    -XX:+ExitOnOutOfMemoryError
    -XX:-OmitStackTraceInFastThrow
    -Dfile.encoding=UTF-8
    -Djava.io.tmpdir="$BASE/tmp"
    -Djava.locale.providers="$LOCALE_PROVIDERS"
    -Djava.awt.headless=true
    -Djna.nosys=true
    -Dlog4j2.formatMsgNoLookups=true
    -Dlog4j.shutdownHookEnabled=false
    -Dlog4j2.disable.jmx=true
    -Dio.netty.noUnsafe=true
    -Dio.netty.noKeySetOptimization=true
    -Dio.netty.recycler.maxCapacityPerThread=0
)
NODE_SETTINGS=(
    cluster.name=portal-ci
    node.name=portal-ci-node
    node.roles=cluster_manager,data,ingest
    network.host=127.0.0.1
    http.port="$PORT"
    transport.port=0
    discovery.type=single-node
    cluster.routing.allocation.disk.threshold_enabled=false
)

# setsid: the node survives the shell that started it; stop.sh ends it by its PID.
nohup setsid "${RUN[@]}" "$JAVA" "${JVM_OPTS[@]}" -cp "$CP" portal.ci.opensearch.Launcher \
    "$BASE/home" "$PIDFILE" "${NODE_SETTINGS[@]}" </dev/null >>"$LOG" 2>&1 &
WRAPPER=$!

fail() {
    say "$*"
    say "last lines of $LOG:"
    tail -n 60 "$LOG" >&2 || true
    if grep -qE 'Exception|Caused by' "$LOG" 2>/dev/null; then
        say "errors in $LOG:"
        grep -E 'Exception|Caused by' "$LOG" | grep -vE '^\s+at |\]\s+at ' | head -n 10 >&2 || true
    fi
    if [ -f "$PIDFILE" ]; then kill "$(cat "$PIDFILE")" 2>/dev/null || true; fi
    kill "$WRAPPER" 2>/dev/null || true
    exit 1
}

deadline=$((SECONDS + TIMEOUT))
while :; do
    if ! kill -0 "$WRAPPER" 2>/dev/null; then
        fail "the OpenSearch process exited during start-up"
    fi
    if body="$(curl -fsS -m 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null)"; then
        case "$body" in
            *'"cluster_name":"portal-ci"'*'"status":"green"'* | *'"cluster_name":"portal-ci"'*'"status":"yellow"'*)
                break ;;
        esac
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "no yellow/green cluster health at $URL after ${TIMEOUT}s"
    sleep 1
done

# New indices get 0 replicas, so a single node stays green. This has to be a persistent
# cluster setting: as a node setting (opensearch.yml / -E) 2.19.1 ignores it at index creation.
curl -fsS -m 10 -o /dev/null -X PUT "$URL/_cluster/settings" -H 'Content-Type: application/json' \
    -d '{"persistent":{"cluster.default_number_of_replicas":0}}' \
    || fail "could not set cluster.default_number_of_replicas=0"

say "OpenSearch up in ${SECONDS}s (pid $(cat "$PIDFILE" 2>/dev/null || echo "$WRAPPER"), log $LOG)"
echo "OPENSEARCH_URL=$URL"
