#!/usr/bin/env bash
# Start-up of the commands a person at a terminal waits for: --help, history, report, explain, validate, each run
# through the launcher as an admin runs it (extracted jar, CDS archive or AOT cache), against a state database made
# by one demo sync. Each command runs BENCH_RUNS times (default 5) after one untimed run; the table gives the median
# and the spread of wall time and the median CPU time (user + system) of the whole process, from /usr/bin/time.
#
#   bench/startup.sh                                              # the JDK the launcher finds (JAVA_HOME, else PATH)
#   BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/startup.sh
#
# BENCH_DIR=DIR keeps the state database, the reports and each run's timings there (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${BENCH_RUNS:-5}"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
if [[ -n "${BENCH_JAVA_HOME:-}" ]]; then
  export JAVA_HOME="$BENCH_JAVA_HOME" PATH="$BENCH_JAVA_HOME/bin:$PATH"   # PATH too: an older launcher reads only it
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "bench: $("$java" -version 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
./scim-sync --version >/dev/null   # builds and prepares the launcher's archive or cache if needed: not timed
rm -rf "$work/state.mv.db" "$work/reports" "$work/validate"
db="jdbc:h2:file:$work/state;WRITE_DELAY=0"
run="$(./scim-sync sync jobs/demo.yml --state-db "$db" --out "$work/reports" 2>/dev/null \
  | sed -n 's/^scim-sync sync: run \([^ ]*\) (job.*/\1/p')"
[[ -n "$run" ]] || { echo "bench: the demo sync printed no run id" >&2; exit 1; }

commands=(
  "--help"
  "history --limit 3 --state-db $db"
  "report $run --state-db $db"
  "explain alice@example.com --state-db $db"
  "validate jobs/demo.yml --out $work/validate"
)
names=("--help" "history --limit 3" "report RUN" "explain USER" "validate (demo job)")

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '\n| command | wall, median | wall, min-max | CPU (user+sys), median | exit |\n|---|---|---|---|---|\n'
for i in "${!commands[@]}"; do
  times="$work/times-$i.txt"
  : >"$times"
  # shellcheck disable=SC2086 # the command's words are meant to split
  ./scim-sync ${commands[$i]} >/dev/null 2>&1 || true
  for _ in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086
    /usr/bin/time -a -o "$times" -f '%e %U %S %x' ./scim-sync ${commands[$i]} >/dev/null 2>&1 || true
  done
  wall="$(awk '{ print $1 }' "$times" | median)"
  cpu="$(awk '{ print $2 + $3 }' "$times" | median)"
  range="$(awk '{ print $1 }' "$times" | sort -g | sed -n '1p;$p' | paste -sd- -)"
  printf '| `%s` | %.2f s | %s s | %.2f s | %s |\n' "${names[$i]}" "$wall" "$range" "$cpu" \
    "$(awk '{ print $4 }' "$times" | sort -u | paste -sd, -)"
done
[[ -n "${BENCH_DIR:-}" ]] || rm -rf "$work"
