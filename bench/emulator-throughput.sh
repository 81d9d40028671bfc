#!/usr/bin/env bash
# Throughput of the scim-sync W&B SCIM emulator on the loopback interface.
#
#   bench/emulator-throughput.sh [THREADS] [SECONDS] [DIALECT] [LATENCY_MS]     (defaults: 16 20 wandb 0)
#
# Builds target/scim-sync.jar if it is missing or stale, starts the emulator in its own JVM on a free loopback port,
# waits for its ready line, runs bench/LoadGen.java against it (GET list, GET one, POST, PATCH), prints the
# figures and stops the emulator. Use DIALECT wandb or scim2: wandb-saas refuses the load's displayName PATCH
# by design (W&B Multi-tenant), so there every PATCH counts as an error.
set -euo pipefail

THREADS="${1:-16}"
DURATION="${2:-20}"
DIALECT="${3:-wandb}"
LATENCY_MS="${4:-0}"

cd "$(dirname "$0")/.."
JAR=target/scim-sync.jar
if [[ ! -f "$JAR" || -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]]; then
    echo "building $JAR (missing or older than the sources) ..." >&2
    ./mvnw -B -q -DskipTests package
fi

# A throwaway key for an emulator that only listens on 127.0.0.1 and lives as long as this script.
TOKEN="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
READY_LOG=target/emulator-throughput.log   # the emulator's own output, kept for a look after the run
java -jar "$JAR" emulator --port 0 --token "$TOKEN" --dialect "$DIALECT" --latency-ms "$LATENCY_MS" >"$READY_LOG" 2>&1 &
EMULATOR_PID=$!
trap 'kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true' EXIT

BASE_URL=""
for _ in $(seq 1 300); do
    BASE_URL="$(sed -n 's/^scim-sync emulator ready at \(http:[^ ]*\) .*/\1/p' "$READY_LOG")"
    [[ -n "$BASE_URL" ]] && break
    if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
        echo "the emulator did not start:" >&2
        cat "$READY_LOG" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$BASE_URL" ]]; then
    echo "no ready line from the emulator after 30 s" >&2
    exit 1
fi

echo "emulator: $BASE_URL (dialect $DIALECT, latency ${LATENCY_MS} ms), load: $THREADS threads for ${DURATION} s"
java bench/LoadGen.java "$BASE_URL" "$TOKEN" "$THREADS" "$DURATION"
