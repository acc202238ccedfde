#!/bin/bash
# Startup of the production jar to health UP (issue 15, target <= 15 s; docs/performance.md).
#
#   deploy/startup-benchmark.sh target/auditflow-0.1.0-SNAPSHOT.jar [runs] [runsh|plain] [fresh|existing]
#
# Starts the jar RUNS times (default 5) in a scratch directory with the embedded default database, through
# deploy/run.sh (class-data-sharing archive, the default) or plain `java -jar`, polls GET /actuator/health every
# 0.2 s until it says UP (readiness includes the database, the engine and the start-up runners), stops it, and
# prints each run's seconds and the median. "fresh" starts every run on an empty database; "existing" (the
# default) keeps the database an untimed first start made (run.sh's class archive is always made untimed first). Exits 1 when the median
# misses the target. Needs curl. Port: $PORT (default 8123). The environment passes through, so PostgreSQL is
# measured as the README starts it (SPRING_PROFILES_ACTIVE=postgres DB_URL=... DB_USER=... DB_PASSWORD=...,
# plus AUDITFLOW_ADMIN_USERNAME/PASSWORD on an empty database); "fresh" empties only the embedded H2 files.
set -eu
JAR=$(readlink -f "${1:?usage: deploy/startup-benchmark.sh path/to/auditflow.jar [runs] [runsh|plain] [fresh|existing]}")
RUNS=${2:-5}
MODE=${3:-runsh}
DB=${4:-existing}
PORT=${PORT:-8123}
TARGET=15
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

start() { # $1: log file; starts in the background, sets PID
    if [ "$MODE" = runsh ]; then
        JAVA_OPTS=${JAVA_OPTS:--Xmx1g} "$HERE/run.sh" "$JAR" --server.port="$PORT" > "$1" 2>&1 &
    else
        # shellcheck disable=SC2086
        java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" > "$1" 2>&1 &
    fi
    PID=$!
}

timed_start() { # prints the seconds until health UP, then stops the process
    local t0 t1
    t0=$(date +%s%N)
    start "$1"
    until curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
        if ! kill -0 "$PID" 2>/dev/null; then echo "startup-benchmark: the application stopped, see $1" >&2; exit 2; fi
        sleep 0.2
    done
    t1=$(date +%s%N)
    kill "$PID"; wait "$PID" 2>/dev/null || true
    echo $(( (t1 - t0) / 1000000 ))
}

cd "$WORK"
if [ "$DB" = existing ] || [ "$MODE" = runsh ]; then
    echo "startup-benchmark: an untimed first start makes the database and, for run.sh, the class archive" >&2
    timed_start "$WORK/prepare.log" > /dev/null
fi
results=()
for i in $(seq 1 "$RUNS"); do
    if [ "$DB" = fresh ]; then rm -f "$WORK"/data/auditflow.*; fi # the H2 files; the class archive stays
    load=$(cut -d' ' -f1 /proc/loadavg)
    ms=$(timed_start "$WORK/run-$i.log")
    results+=("$ms")
    printf 'startup-benchmark: %s, %s database, run %d: %d.%03d s to health UP (load average %s)\n' \
        "$MODE" "$DB" "$i" $((ms / 1000)) $((ms % 1000)) "$load"
    sleep 1
done
median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
printf 'startup-benchmark: median %d.%03d s over %d runs (target <= %d s)\n' $((median / 1000)) $((median % 1000)) "$RUNS" "$TARGET"
[ "$median" -le $((TARGET * 1000)) ]
