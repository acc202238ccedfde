#!/bin/sh
# Starts the Auditflow production jar the fast way (docs/operations.md, "Fast start"; decision 0149):
# the jar unpacked once into plain jars, plus a class-data-sharing archive (AppCDS) made by one
# training start. Later starts map the JVM's parsed classes from that archive instead of reading and
# verifying some 30,000 classes from the nested jar again, which was half of the start's CPU time.
#
#   deploy/run.sh target/auditflow-0.1.0-SNAPSHOT.jar [application arguments...]
#
# Environment: JAVA (default: java on the PATH), JAVA_OPTS (e.g. -Xmx1g), AUDITFLOW_CDS_DIR (where the
# unpacked jar and the archive live; default ./data/cds). A new jar or another JVM is noticed (by the
# jar's checksum and the JVM's version) and the cache is made again; a broken or missing archive only
# costs speed, never the start (the JVM then loads classes the usual way).
set -eu

JAR=${1:?usage: deploy/run.sh path/to/auditflow.jar [application arguments...]}
shift
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
CACHE=${AUDITFLOW_CDS_DIR:-./data/cds}
# the unpacked application jar keeps the name of the jar it came from
APP="$CACHE/app/$(basename "$JAR")"

stamp="$(cksum < "$JAR") $("$JAVA" -version 2>&1 | head -n 1)"
if [ ! -f "$CACHE/stamp" ] || [ "$(cat "$CACHE/stamp")" != "$stamp" ]; then
    echo "run.sh: unpacking $JAR and training the class archive in $CACHE (once per jar and JVM)" >&2
    rm -rf "$CACHE"
    mkdir -p "$CACHE"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$CACHE/app" >&2
    # The training start runs to "ready" (migrations and start-up runners, as any start), asks its own
    # health check and sign-in page once and stops (TrainingStart, decision 0180), so the archive also
    # holds the classes of the runners and of a first request, not only those of the context refresh.
    # shellcheck disable=SC2086
    if "$JAVA" $JAVA_OPTS -XX:ArchiveClassesAtExit="$CACHE/app.jsa" -Dauditflow.cds.training-start=true \
            -jar "$APP" "$@" > "$CACHE/training.log" 2>&1; then
        echo "$stamp" > "$CACHE/stamp"
    else
        echo "run.sh: the training start failed (see $CACHE/training.log); starting without the archive" >&2
        rm -f "$CACHE/app.jsa"
    fi
fi

if [ -f "$CACHE/app.jsa" ]; then
    # shellcheck disable=SC2086
    exec "$JAVA" $JAVA_OPTS -XX:SharedArchiveFile="$CACHE/app.jsa" -jar "$APP" "$@"
fi
# shellcheck disable=SC2086
exec "$JAVA" $JAVA_OPTS -jar "$APP" "$@"
