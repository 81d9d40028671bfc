#!/usr/bin/env bash
# scim-sync at organisation scale. One command, every figure printed, a table at the end:
#
#   bench/scale.sh [SCENARIO...]      scenarios: plan load apply rate memory (default: all of them), migration
#
# Builds target/scim-sync.jar if it is missing or stale, writes the inputs with bench/GenerateOrg.java, starts the
# emulator in its own JVM on a loopback port (`emulator --seed-org ...` holds exactly what GenerateOrg writes), runs
# the tool against it with a fresh H2 state file and out dir per run under $BENCH_DIR (default: a temp dir, removed
# at the end unless BENCH_KEEP=1), and reads the figures from /usr/bin/time -v, the tool's "requests:" line and
# summary.json; the tool's runs (but the memory scenario's) add -XX:+CITime, so the JVM prints at exit how long its
# JIT compilers took. The emulator stands in for the target, which has cores of its own; it runs with C1 only and the
# serial GC (EMULATOR_OPTS) so that it takes as little as it can of the cores the tool is measured on. Each scenario
# runs twice (BENCH_REPEAT) so the spread shows; a 2-core machine shared with other
# builds gives noisy figures.
#
#   plan    no-change plan of 100,000 users, 2,000 teams, 300,000 memberships, 50 roles against an emulator that
#           already holds them: wall time with JVM start, requests (no writes; list GETs grow with pages)
#   load    the CSV rows of that organisation per second, from file into the state database (load-* steps), against
#           an empty emulator so that the load runs alone (in the plan scenario the snapshot runs beside it)
#   apply   5,000 user creates at --concurrency 16 against --latency-ms 20, and 500 at --concurrency 1; one run of
#           20,000 at --concurrency 16; one more of 5,000 with C2 off (a diagnostic of the JIT's share, not a target
#           figure: the tool runs with C2); then the ceiling of the emulator on this machine: bench/LoadGen.java sending
#           only creates from 16 threads, and the time of one create sent alone
#   rate    1,000 user creates at --requests-per-second 50 --concurrency 16: measured request rate
#   memory  a plan of 1,000,000 user creates (an empty emulator) with -Xmx256m
#   migration  the first sync of 100,000 users, 2,000 teams, 300,000 memberships into an empty, unthrottled emulator
#           (--concurrency 16, no request limit, -Xmx256m), per phase (users, teams, members, team roles): count, time,
#           rate, and the rate over the first and the last tenth of the phase (bench/PhaseRates.java, from the times
#           the outcomes were recorded), so that a slope shows; then 5,000 creates against the same emulator settings
#           and the ratio. Not part of the default set (about 15-25 minutes); smaller: MIGRATION_USERS,
#           MIGRATION_TEAMS, MIGRATION_MEMBERS.
#
# BENCH_JAVA_HOME picks the JDK every scenario runs on (default: JAVA_HOME, else java on the path).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
JAR="$ROOT/target/scim-sync.jar"
REPEAT="${BENCH_REPEAT:-2}"
SCENARIOS=("$@")
[[ ${#SCENARIOS[@]} -eq 0 ]] && SCENARIOS=(plan load apply rate memory)

if [[ ! -f "$JAR" || -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]]; then
    echo "building $JAR (missing or older than the sources) ..." >&2
    (mvn -B -o -q -Dstyle.color=never -DskipTests package || ./mvnw -B -q -DskipTests package) >&2
fi
# BENCH_JAVA_HOME: every JVM of the bench (the tool through its launcher, the emulator, the helpers) runs on that JDK;
# the jar itself is built as always (for Java 17)
if [[ -n "${BENCH_JAVA_HOME:-}" ]]; then
    export JAVA_HOME="$BENCH_JAVA_HOME" PATH="$BENCH_JAVA_HOME/bin:$PATH"
fi
# the tool runs through its launcher, as an admin runs it: the first call extracts the jar and makes its class data
# sharing archive, or on JDK 25 and later its AOT cache (see ./scim-sync), so no measured run pays for that
"$ROOT/scim-sync" --version >/dev/null
if [[ ! -x /usr/bin/time ]]; then
    echo "bench/scale.sh needs GNU time (/usr/bin/time): apt-get install -y time" >&2
    exit 2
fi

WORK="${BENCH_DIR:-$(mktemp -d /tmp/scim-sync-bench.XXXXXX)}"
mkdir -p "$WORK"
export BENCH_TOKEN="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"   # loopback only, lives with this script
EMULATOR_PID=""
stop_emulator() {
    if [[ -n "$EMULATOR_PID" ]]; then
        kill "$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
        EMULATOR_PID=""
    fi
}
cleanup() {
    stop_emulator
    [[ "${BENCH_KEEP:-0}" == 1 || -n "${BENCH_DIR:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

RESULTS=()   # "target|measured|met" lines for the final table
note() { RESULTS+=("$1|$2|$3"); }

# start_emulator LOG ARGS...: starts the emulator, sets URL
start_emulator() {
    local log="$1"; shift
    java -Xmx3g ${EMULATOR_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$JAR" emulator --port 0 --token "$BENCH_TOKEN" "$@" >"$log" 2>&1 &
    EMULATOR_PID=$!
    URL=""
    for _ in $(seq 1 1200); do
        URL="$(sed -n 's/^scim-sync emulator ready at \(http:[^ ]*\) .*/\1/p' "$log")"
        [[ -n "$URL" ]] && return 0
        kill -0 "$EMULATOR_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    echo "no ready line from the emulator after 120 s" >&2
    exit 1
}

# job FILE INPUT_DIR OUT CHUNK CONCURRENCY RPS [POLICY]: writes a job file naming the inputs that exist
job() {
    local file="$1" in="$2" out="$3" chunk="$4" conc="$5" rps="$6" policy="${7:-absent-users: report}"
    local inputs=""
    for kind in users teams memberships roles; do
        [[ -s "$in/$kind.csv" ]] && inputs+="${inputs:+, }$kind: $in/$kind.csv"
    done
    cat >"$file" <<YML
target: { url: $URL, dialect: wandb, token-env: BENCH_TOKEN }
inputs: { $inputs }
policy: { $policy }
limits: { chunk-size: $chunk, concurrency: $conc, requests-per-second: $rps }
out: $out
YML
}

# run_tool NAME JAVA_OPTS ARGS...: runs the tool under /usr/bin/time; sets WALL (s), RSS (MB), RC, OUT, SUMMARY
run_tool() {
    local name="$1" opts="$2"; shift 2
    local dir="$WORK/$name"
    rm -rf "$dir"; mkdir -p "$dir"
    set +e
    # shellcheck disable=SC2086
    SCIM_SYNC_JAVA_OPTS="$opts" /usr/bin/time -v -o "$dir/time.txt" "$ROOT/scim-sync" "$@" \
        --state-db "jdbc:h2:file:$dir/state;WRITE_DELAY=0" \
        --out "$dir/out" >"$dir/stdout.txt" 2>"$dir/stderr.txt"
    RC=$?
    set -e
    WALL="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$dir/time.txt")"
    RSS="$(awk -F': ' '/Maximum resident/ { printf "%d", $2 / 1024 }' "$dir/time.txt")"
    OUT="$dir/stdout.txt"
    SUMMARY="$(ls "$dir"/out/*/summary.json 2>/dev/null | head -1)"
    echo "  $name: exit $RC, ${WALL} s wall, ${RSS} MB max RSS; $(grep -m1 'requests:' "$OUT" | sed 's/^ *//')" >&2
}

# jit: the last run's CPU and how much of it the JIT compilers took (-XX:+CITime, printed by the JVM at exit), as
# "CPU s|compiling s|C2 s". -XX:+CITime only keeps timers around each compilation; the memory scenario, whose figures
# are heap and RSS, runs without it
jit() {
    local cpu compiling c2
    cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$(dirname "$OUT")/time.txt")"
    compiling="$(awk '/Total compilation time/ { printf "%.1f", $(NF - 1) }' "$OUT")"
    # no C2 line when C2 is off
    c2="$(awk '/C2 Compile Time:/ { printf "%.1f", $(NF - 1) }' "$OUT")"
    [[ -n "$compiling" && -z "$c2" ]] && c2=0
    echo "$cpu|${compiling:-?}|${c2:-?}"
}
jit_text() { local cpu compiling c2; IFS='|' read -r cpu compiling c2 <<<"$1"; echo "$cpu s CPU, $compiling s of it compiling (C2 $c2 s)"; }

# requests KIND: a count from the tool's "requests: GET=n, POST=n ..." line (KIND GET, POST, PATCH, DELETE, PUT)
requests() { local n; n="$(grep -m1 "requests:" "$OUT" | grep -o "[0-9]* $1" | cut -d" " -f1)"; echo "${n:-0}"; }
writes() { echo $(( $(requests POST || true) + $(requests PATCH || true) + $(requests PUT || true) + $(requests DELETE || true) )); }
# step_seconds REGEX: the summed duration of the steps whose name matches, from summary.json
step_seconds() { java "$ROOT/bench/StepTimes.java" "$SUMMARY" "$1"; }
spread() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 1) print v[1]; else printf "%s–%s", v[1], v[NR] }'; }
minimum() { sort -n | head -1; }
maximum() { sort -n | tail -1; }

ORG_USERS=100000 ORG_TEAMS=2000 ORG_MEMBERS=300000 ORG_ROLES=50
ORG_ROWS=$(( ORG_USERS + ORG_TEAMS + ORG_MEMBERS + ORG_ROLES ))
generate_org() {
    [[ -s "$WORK/org/memberships.csv" ]] || java "$ROOT/bench/GenerateOrg.java" "$WORK/org" $ORG_USERS $ORG_TEAMS \
        $ORG_MEMBERS $ORG_ROLES >&2
}
# load_rate: CSV rows per second of the last run's load-* steps
load_rate() { awk -v r=$ORG_ROWS -v s="$(step_seconds '^load-')" 'BEGIN { printf "%d", r / s }'; }

scenario_plan() {
    echo "== plan: $ORG_USERS users, $ORG_TEAMS teams, $ORG_MEMBERS memberships, $ORG_ROLES roles; emulator holds the same" >&2
    generate_org
    start_emulator "$WORK/emulator-org.log" \
        --seed-org "users=$ORG_USERS,teams=$ORG_TEAMS,memberships=$ORG_MEMBERS,roles=$ORG_ROLES"
    local walls=() rates=() jits=() lists=0 w=0 ops=""
    for i in $(seq 1 "$REPEAT"); do
        job "$WORK/plan.yml" "$WORK/org" "$WORK/plan-out" 1000 16 0
        run_tool "plan-$i" "-XX:+CITime" plan "$WORK/plan.yml"
        walls+=("$WALL"); jits+=("$(jit)")
        echo "  plan-$i: $(jit_text "${jits[-1]}") in ${WALL} s" >&2
        lists="$(requests GET)"; w="$(writes)"
        ops="$(grep -m1 -o 'plan: [0-9]* operations' "$WORK/plan-$i/stderr.txt" "$OUT" 2>/dev/null | head -1 || true)"
        rates+=("$(load_rate)")
        echo "  plan-$i: load steps $(step_seconds '^load-') s for $ORG_ROWS rows beside the snapshot; exit $RC; $ops" >&2
    done
    stop_emulator
    local pages=$(( (ORG_USERS + 9998) / 9999 + (ORG_TEAMS + 9998) / 9999 + 1 ))
    note "plan, 100k users/2k teams/300k members/50 roles, JVM start included: < 30 s" "$(printf '%s\n' "${walls[@]}" | spread) s" \
        "$(awk -v m="$(printf '%s\n' "${walls[@]}" | maximum)" 'BEGIN { print (m < 30 ? "yes" : "no") }')"
    note "plan: write requests = 0" "$w" "$([[ "$w" == 0 ]] && echo yes || echo no)"
    note "plan: list requests grow with pages (9,999 a page)" "$lists GET (pages at 9,999: $pages)" \
        "$([[ "$lists" -le $(( pages * 2 + 5 )) ]] && echo yes || echo no)"
    note "load in that plan, beside the snapshot (shares the cores)" "$(printf '%s\n' "${rates[@]}" | spread) rows/s" "-"
    note "plan: the tool's CPU, and the part its JIT compilers took" "$(jit_spread "${jits[@]}")" "-"
}

# jit_spread CPU|COMPILING|C2...: the spread of each of the three over runs
jit_spread() {
    local cpu compiling c2
    cpu="$(printf '%s\n' "$@" | cut -d'|' -f1 | spread)"
    compiling="$(printf '%s\n' "$@" | cut -d'|' -f2 | spread)"
    c2="$(printf '%s\n' "$@" | cut -d'|' -f3 | spread)"
    echo "$cpu s CPU, $compiling s compiling (C2 $c2 s)"
}

# The load alone: the same files against an emulator that holds nothing, so no listing runs beside the load steps
# (the run then plans 402,050 creates; only its load-* steps are measured here).
scenario_load() {
    echo "== load: the same $ORG_ROWS rows, target empty" >&2
    generate_org
    start_emulator "$WORK/emulator-empty.log"
    local rates=()
    for i in $(seq 1 "$REPEAT"); do
        job "$WORK/load.yml" "$WORK/org" "$WORK/load-out" 1000 16 0
        run_tool "load-$i" "-XX:+CITime" plan "$WORK/load.yml"
        rates+=("$(load_rate)")
        echo "  load-$i: load steps $(step_seconds '^load-') s for $ORG_ROWS rows; exit $RC; the run: $(jit_text "$(jit)") in ${WALL} s" >&2
    done
    stop_emulator
    note "load: >= 50,000 CSV rows/s into the state database" "$(printf '%s\n' "${rates[@]}" | spread) rows/s" \
        "$(awk -v m="$(printf '%s\n' "${rates[@]}" | minimum)" 'BEGIN { print (m >= 50000 ? "yes" : "no") }')"
}

# creates RUN COUNT CONCURRENCY RPS CHUNK FORMAT [EMULATOR ARGS...]: syncs COUNT new users into a fresh emulator
# (so every run creates the same users); sets RATE, the POSTs per second of the apply step, printed with FORMAT
creates() {
    local run="$1" count="$2" concurrency="$3" rps="$4" chunk="$5" format="$6"; shift 6
    local inputs="$WORK/creates-$count"
    [[ -s "$inputs/users.csv" ]] || java "$ROOT/bench/GenerateOrg.java" "$inputs" "$count" 0 0 0 >&2
    start_emulator "$WORK/emulator-$run.log" "$@"
    job "$WORK/$run.yml" "$inputs" "$WORK/unused" "$chunk" "$concurrency" "$rps"
    run_tool "$run" "${TOOL_OPTS--XX:+CITime}" sync "$WORK/$run.yml"
    local seconds; seconds="$(step_seconds '^apply$')"
    RATE="$(awk -v n="$(requests POST)" -v s="$seconds" -v f="$format" 'BEGIN { printf f, n / s }')"
    JIT="$(jit)"
    echo "  $run: $(requests POST) POST in ${seconds} s; the run: $(jit_text "$JIT") in ${WALL} s" >&2
    stop_emulator
}

scenario_apply() {
    echo "== apply: user creates against --latency-ms 20" >&2
    local c16=() c1=() jits=()
    for i in $(seq 1 "$REPEAT"); do
        creates "apply16-$i" 5000 16 0 1000 "%d" --latency-ms 20
        c16+=("$RATE"); jits+=("$JIT")
        creates "apply1-$i" 500 1 0 1000 "%.1f" --latency-ms 20
        c1+=("$RATE")
    done
    # the same work four times over: how much of the figure above is the first seconds of a fresh JVM
    creates "apply16-long" 20000 16 0 1000 "%d" --latency-ms 20
    local long16="$RATE"
    # diagnostic, not how the tool runs: the same 5,000 creates with C2 off (C1 code only, no profiling), to show how
    # much of the 2 cores the JIT takes from a short apply (the load and the plan need C2: see bench/README.md)
    TOOL_OPTS="-XX:+CITime -XX:TieredStopAtLevel=1" creates "apply16-c1" 5000 16 0 1000 "%d" --latency-ms 20
    local c1only="$RATE" c1jit="$JIT"
    # the same emulator and latency with a bare HTTP client that only creates: what this machine allows at all,
    # and what one create takes there when nothing else runs (20 ms would make the bound 16 / 20 ms)
    start_emulator "$WORK/emulator-ceiling.log" --latency-ms 20
    local ceiling single
    ceiling="$(java "$ROOT/bench/LoadGen.java" "$URL" "$BENCH_TOKEN" 16 10 creates | sed -n 's/^throughput=\([0-9]*\).*/\1/p')"
    single="$(java "$ROOT/bench/LoadGen.java" "$URL" "$BENCH_TOKEN" 1 5 creates | sed -n 's/^latency p50=\([0-9.]*\) ms.*/\1/p')"
    stop_emulator
    echo "  ceiling: a bare JDK HTTP client, 16 threads of creates for 10 s: $ceiling requests/s" >&2
    echo "  one create at a time, bare client: $single ms (median)" >&2
    local low16; low16="$(printf '%s\n' "${c16[@]}" | minimum)"
    local high1; high1="$(printf '%s\n' "${c1[@]}" | maximum)"
    note "apply: 5,000 creates, concurrency 16, 20 ms: >= 640 ops/s (80% of 800)" \
        "$(printf '%s\n' "${c16[@]}" | spread) ops/s" "$(awk -v m="$low16" 'BEGIN { print (m >= 640 ? "yes" : "no") }')"
    note "apply: the 5,000-create runs' CPU, and the part the JIT took" "$(jit_spread "${jits[@]}")" "-"
    note "apply: 20,000 creates, concurrency 16, 20 ms (one run)" "$long16 ops/s" "-"
    note "apply: 5,000 creates with C2 off (diagnostic only, one run)" "$c1only ops/s; $(jit_text "$c1jit")" "-"
    note "apply: ceiling of emulator + machine (bare HTTP client, 16 threads, creates)" "$ceiling req/s" "-"
    note "apply: one create, bare client, nothing else running (median)" \
        "$single ms: 16 / $single ms = $(awk -v l="$single" 'BEGIN { printf "%d", 16000 / l }')/s" "-"
    note "apply: one at a time (500 creates, concurrency 1)" "$(printf '%s\n' "${c1[@]}" | spread) ops/s" "-"
    note "apply: concurrent / sequential >= 10x" "$(awk -v a="$low16" -v b="$high1" 'BEGIN { printf "%.1fx (worst pair)", a / b }')" \
        "$(awk -v a="$low16" -v b="$high1" 'BEGIN { print (a / b >= 10 ? "yes" : "no") }')"
}

scenario_rate() {
    echo "== rate: --requests-per-second 50, 1,000 creates (~20 s)" >&2
    local rates=()
    for i in $(seq 1 "$REPEAT"); do
        creates "rate-$i" 1000 16 50 100 "%.1f"
        rates+=("$RATE")
    done
    note "rate: --requests-per-second 50 within 10% (45–55/s)" "$(printf '%s\n' "${rates[@]}" | spread) req/s" \
        "$(awk -v lo="$(printf '%s\n' "${rates[@]}" | minimum)" -v hi="$(printf '%s\n' "${rates[@]}" | maximum)" \
            'BEGIN { print (lo >= 45 && hi <= 55 ? "yes" : "no") }')"
}

scenario_memory() {
    echo "== memory: plan 1,000,000 user creates with -Xmx256m (empty emulator)" >&2
    java "$ROOT/bench/GenerateOrg.java" "$WORK/million" 1000000 0 0 0 >&2
    local results=() walls=() rss=()
    for i in $(seq 1 "$REPEAT"); do
        start_emulator "$WORK/emulator-million.log"
        job "$WORK/million.yml" "$WORK/million" "$WORK/unused" 1000 16 0
        run_tool "million-$i" "-Xmx256m" plan "$WORK/million.yml"
        results+=("$RC"); walls+=("$WALL"); rss+=("$RSS")
        stop_emulator
    done
    local ok=yes
    for i in "${!results[@]}"; do
        # a plan that creates users ends with exit 0 or 1; an OutOfMemoryError ends it otherwise
        if [[ "${results[$i]}" -gt 1 ]] || grep -q OutOfMemoryError "$WORK/million-$((i + 1))/stderr.txt"; then ok=no; fi
    done
    note "memory: 1,000,000-user plan completes with -Xmx256m" \
        "exit ${results[*]}, $(printf '%s\n' "${walls[@]}" | spread) s, RSS $(printf '%s\n' "${rss[@]}" | spread) MB" "$ok"
}

# The one-off migration of a whole organisation: a first sync into an empty target, as fast as the target answers.
# Its apply must not slow down as the run goes on, so each phase is timed over its first and its last tenth.
scenario_migration() {
    local users="${MIGRATION_USERS:-100000}" teams="${MIGRATION_TEAMS:-2000}" members="${MIGRATION_MEMBERS:-300000}"
    local opts="-Xmx256m -XX:+CITime"
    echo "== migration: $users users, $teams teams, $members memberships into an empty emulator, no request limit" >&2
    local inputs="$WORK/migration-$users-$teams-$members"
    [[ -s "$inputs/memberships.csv" ]] || java "$ROOT/bench/GenerateOrg.java" "$inputs" "$users" "$teams" "$members" 0 >&2
    start_emulator "$WORK/emulator-migration.log"
    job "$WORK/migration.yml" "$inputs" "$WORK/unused" 1000 16 0
    run_tool migration "$opts" sync "$WORK/migration.yml"
    stop_emulator
    local migration_rc="$RC" migration_wall="$WALL" migration_rss="$RSS" migration_jit; migration_jit="$(jit)"
    local h2; h2="$(ls "$ROOT"/target/scim-sync/lib/h2-*.jar | head -1)"
    local phases; phases="$(java -cp "$h2" "$ROOT/bench/PhaseRates.java" "jdbc:h2:file:$WORK/migration/state")"
    echo "  migration: exit $migration_rc, ${migration_wall} s, max RSS ${migration_rss} MB, $(jit_text "$migration_jit")" >&2
    local user_rate=0 kind n secs rate first last tenths
    while IFS='|' read -r kind n secs rate first last tenths; do
        echo "  $kind: $n in $secs s, $rate/s; first 10 %: $first/s, last 10 %: $last/s; each tenth: $tenths /s" >&2
        note "migration: $kind, $n ($secs s): first 10 % -> last 10 %" "$first/s -> $last/s (all: $rate/s)" \
            "$(awk -v f="$first" -v l="$last" 'BEGIN { printf "%.2f", l / f }')x"
        [[ "$kind" == CREATE_USER ]] && user_rate="$rate"
    done <<<"$phases"
    # the same emulator settings, 5,000 creates alone: the rate a short run of creates reaches here
    TOOL_OPTS="$opts" creates "migration-5000" 5000 16 0 1000 "%d"
    local ratio; ratio="$(awk -v a="$user_rate" -v b="$RATE" 'BEGIN { printf "%.2f", a / b }')"
    echo "  5,000 creates, same emulator settings: $RATE/s; migration user creates / that: $ratio" >&2
    note "migration: completes (exit 0), -Xmx256m" "exit $migration_rc, ${migration_wall} s, RSS ${migration_rss} MB" \
        "$([[ "$migration_rc" == 0 ]] && echo yes || echo no)"
    note "migration: user creates >= 0.8 x the rate of 5,000 creates" "$user_rate/s vs $RATE/s = $ratio" \
        "$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8 ? "yes" : "no") }')"
}

for s in "${SCENARIOS[@]}"; do
    case "$s" in
        plan) scenario_plan ;;
        load) scenario_load ;;
        apply) scenario_apply ;;
        rate) scenario_rate ;;
        memory) scenario_memory ;;
        migration) scenario_migration ;;
        *) echo "unknown scenario $s (plan load apply rate memory migration)" >&2; exit 2 ;;
    esac
done

echo
echo "scim-sync at scale — $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), runs per figure: $REPEAT"
printf '%-78s | %-36s | %s\n' "target" "measured (spread over runs)" "met"
printf '%s\n' "${RESULTS[@]}" | while IFS='|' read -r t m ok; do printf '%-78s | %-36s | %s\n' "$t" "$m" "$ok"; done
