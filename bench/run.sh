#!/usr/bin/env bash
# The benchmarks of bench/README.md in one invocation: import of a 1,000,000-mark Dnevnik.ru HAR
# against a Python baseline (A) and against the sqlite3 command line's .import plus a parse-only
# pass (B), peak memory at 1M and 4M marks, validate against import, and pull with concurrency 1
# against the default over a loopback simulator with 30 ms latency. Prints one table and the
# target ratios.
#
#   bench/run.sh [--quick] [--work DIR] [--build DIR]
#
#   --quick      leave out the 4M-mark memory run (the longest step)
#   --work DIR   keep the generated captures and archives there (reused by the next run);
#                default: a temporary directory, removed at the end
#   --build DIR  the build to measure (default: build-bench/, configured Release without the
#                tests if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
work=""
build=build-bench
setup_start=$(date +%s)
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --work) work=$2; shift ;;
    --build) build=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# --- set-up: packages, build -------------------------------------------------------------------
./tools/install-deps.sh
missing=()
for package in time python3 curl bc; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJBRIDGE_TESTS=OFF >/dev/null
fi
echo "building jbridge, gen-synthetic, dnevnik-sim and har-parse in $build …" >&2
ninja -C "$build" jbridge gen-synthetic dnevnik-sim har-parse >"$build/bench-build.log" 2>&1 || {
  grep -E -A3 "FAILED|error" "$build/bench-build.log" | head -30 >&2
  echo "run.sh: the build failed; the whole output is in $build/bench-build.log" >&2
  exit 2
}
jbridge=$build/cli/jbridge
generate=$build/tools/gen-synthetic/gen-synthetic
simulator=$build/tools/dnevnik-sim/dnevnik-sim
parse=$build/tools/har-parse/har-parse

temp_work=""
sim_pid=""
big_pid=""
cleanup() {
  [ -z "$sim_pid" ] || kill "$sim_pid" 2>/dev/null || true
  [ -z "$big_pid" ] || kill -- -"$big_pid" 2>/dev/null || kill "$big_pid" 2>/dev/null || true
  [ -z "$temp_work" ] || rm -rf "$temp_work"
}
trap cleanup EXIT
if [ -z "$work" ]; then
  work=$(mktemp -d)
  temp_work=$work
else
  mkdir -p "$work"
fi
log=$work/log
mkdir -p "$log"
bench_start=$(date +%s)
setup_seconds=$(( bench_start - setup_start ))

# --- measuring ---------------------------------------------------------------------------------
# measure NAME COMMAND…: runs it under GNU time; NAME.wall, .cpu (user + system) and .rss (KiB).
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$log/$name.time" "$@" >"$log/$name.out" 2>"$log/$name.err" || {
    echo "run.sh: step '$name' failed; see $log/$name.err:" >&2
    tail -5 "$log/$name.err" >&2
    exit 2
  }
  read -r wall user sys rss <"$log/$name.time"
  echo "$wall" >"$log/$name.wall"
  echo "$user + $sys" | bc >"$log/$name.cpu"
  echo "$rss" >"$log/$name.rss"
}
value() { cat "$log/$1.$2"; }
ratio() { echo "scale=2; $1 / $2" | bc; }
mib() { echo "scale=0; $1 / 1024" | bc; }

rows=()
# row LABEL STEP ROWS BYTES: one line of the table.
row() {
  local label=$1 step=$2 count=$3 bytes=$4
  local wall cpu rss per_s mb_s
  wall=$(value "$step" wall); cpu=$(value "$step" cpu); rss=$(value "$step" rss)
  per_s=$([ "$count" -gt 0 ] && echo "scale=0; $count / $wall" | bc || echo "–")
  mb_s=$([ "$bytes" -gt 0 ] && echo "scale=1; $bytes / 1048576 / $wall" | bc || echo "–")
  rows+=("$(printf '%-44s %8s %8s %12s %9s %9s' "$label" "$wall" "$cpu" "$per_s" "$mb_s" "$(mib "$rss")")")
}

# --- data sets ---------------------------------------------------------------------------------
# One school of 2,100 pupils (70 classes × 30), 12 subjects, 6 lessons a day, four quarters:
# about 1,000,000 lesson marks and 100,000 quarter marks. 280 classes give about 4,000,000.
har_1m=$work/school-1m.har
har_4m=$work/school-4m.har
echo "generating the data sets in $work …" >&2
[ -s "$har_1m" ] || "$generate" -q --seed 11 --start-year 2024 --classes 70 --students 30 --subjects 12 --quarters 4 \
  --lessons-per-day 6 --dnevnik-har "$har_1m"
har_bytes=$(stat -c %s "$har_1m")

# --- import and its baselines ------------------------------------------------------------------
echo "import …" >&2
rm -f "$work/jbridge-1m.sqlite"
measure import "$jbridge" import --from dnevnik "$har_1m" -o "$work/jbridge-1m.sqlite"
stats=$("$jbridge" stats "$work/jbridge-1m.sqlite" --json)
field() { echo "$stats" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
marks=$(( $(field marks) + $(field final_marks) ))
data_rows=$(( $(field students) + $(field lessons) + marks ))

echo "baseline A (Python) …" >&2
rm -f "$work/python-1m.sqlite"
measure python python3 bench/baseline_python.py "$har_1m" "$work/python-1m.sqlite"

echo "baseline B (sqlite3 .import, parse-only) …" >&2
csv=$work/csv
mkdir -p "$csv"
for table in students lessons marks; do
  sqlite3 -csv "$work/python-1m.sqlite" "SELECT * FROM $table" >"$csv/$table.csv"
done
sqlite3 "$work/python-1m.sqlite" .schema >"$csv/schema.sql"
csv_bytes=$(cat "$csv"/*.csv | wc -c)
rm -f "$work/sqlite-1m.sqlite"
cat >"$csv/import.sql" <<EOF
.read $csv/schema.sql
.mode csv
BEGIN;
.import $csv/students.csv students
.import $csv/lessons.csv lessons
.import $csv/marks.csv marks
COMMIT;
EOF
measure sqlite_import sqlite3 "$work/sqlite-1m.sqlite" ".read $csv/import.sql"
measure parse_only "$parse" "$har_1m"

for db in python-1m sqlite-1m; do
  got=$(sqlite3 "$work/$db.sqlite" "SELECT (SELECT count(*) FROM students) + (SELECT count(*) FROM lessons) + (SELECT count(*) FROM marks)")
  [ "$got" -eq "$data_rows" ] || { echo "run.sh: $db holds $got rows, jbridge $data_rows: not the same data" >&2; exit 2; }
done

# --- validate ----------------------------------------------------------------------------------
echo "validate …" >&2
set +e
/usr/bin/time -f "%e %U %S %M" -o "$log/validate.time" "$jbridge" validate "$work/jbridge-1m.sqlite" --profile base \
  --format json -o "$work/findings.json" >"$log/validate.out" 2>"$log/validate.err"
code=$?
set -e
[ "$code" -le 1 ] || { echo "run.sh: validate failed (exit $code): $(tail -3 "$log/validate.err")" >&2; exit 2; }
read -r wall user sys rss <"$log/validate.time"
echo "$wall" >"$log/validate.wall"; echo "$user + $sys" | bc >"$log/validate.cpu"; echo "$rss" >"$log/validate.rss"

# --- memory at 4M, beside the pulls -------------------------------------------------------------
# The pulls below mostly wait on the simulator's latency (about half a core between jbridge and the
# simulator), so the 4M-mark data set is generated and imported meanwhile, at a lower priority
# (nice 10) so that the pulls get the CPU whenever they want it. The 4M step is there for its peak
# memory; its wall time is longer than it would be alone.
if [ "$quick" -eq 0 ]; then
  echo "4M marks: generating and importing, beside the pulls …" >&2
  rm -f "$work/jbridge-4m.sqlite"
  set -m  # the background step gets its own process group, so that cleanup can stop all of it
  (
    if [ ! -s "$har_4m" ]; then
      nice -n 10 "$generate" -q --seed 11 --start-year 2024 --classes 280 --students 30 --subjects 12 --quarters 4 \
        --lessons-per-day 6 --dnevnik-har "$har_4m" >"$log/gen_4m.out" 2>&1 ||
        { echo "run.sh: generating the 4M-mark HAR failed: $(tail -3 "$log/gen_4m.out")" >&2; exit 2; }
    fi
    measure import_4m nice -n 10 "$jbridge" import --from dnevnik "$har_4m" -o "$work/jbridge-4m.sqlite"
  ) &
  big_pid=$!
  set +m
fi

# --- pull --------------------------------------------------------------------------------------
# One school of 1,020 pupils (34 classes × 30), one year, 30 ms per answer; month windows; the
# capture only (the import of it is measured above), no rate limit so that concurrency shows.
echo "pull …" >&2
port_file=$work/sim.port
rm -f "$port_file"
"$simulator" --no-auth --latency-ms 30 --year 2024 --quarters 4 --classes 34 --pupils 30 --subjects 12 \
  --lessons-per-day 6 --port-file "$port_file" >"$log/sim.out" 2>&1 &
sim_pid=$!
for _ in $(seq 600); do [ -s "$port_file" ] && break; sleep 0.1; done
[ -s "$port_file" ] || { echo "run.sh: the simulator did not start: $(tail -3 "$log/sim.out")" >&2; exit 2; }
sim=http://127.0.0.1:$(cat "$port_file")
requests_so_far() { curl -s "$sim/sim/stats" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
pull_with() {  # pull_with NAME [--concurrency N]
  local name=$1; shift
  rm -f "$work/$name.har" "$work/$name.har.pull-journal" "$work/$name.sqlite" "$work/$name.sqlite.pull-journal"
  local before; before=$(requests_so_far)
  measure "$name" "$jbridge" pull --from dnevnik --host "$sim" --school 1000000000042 --year 2024 \
    --rate 0 "$@" --capture-only --har "$work/$name.har" -o "$work/$name.sqlite" -q
  echo $(( $(requests_so_far) - before )) >"$log/$name.requests"
}
export JBRIDGE_TOKEN=bench  # the simulator runs with --no-auth
pull_with pull_c1 --concurrency 1
pull_with pull_default
minimum=$(curl -s "$sim/sim/stats" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["requests"]))')
kill "$sim_pid" 2>/dev/null || true
wait "$sim_pid" 2>/dev/null || true
sim_pid=""
pull_bytes=$(stat -c %s "$work/pull_default.har")

if [ -n "$big_pid" ]; then
  echo "waiting for the 4M-mark import …" >&2
  wait "$big_pid" || exit 2
  big_pid=""
  stats_4m=$("$jbridge" stats "$work/jbridge-4m.sqlite" --json)
  marks_4m=$(( $(echo "$stats_4m" | sed -n 's/.*"marks":\([0-9]*\).*/\1/p') + $(echo "$stats_4m" | sed -n 's/.*"final_marks":\([0-9]*\).*/\1/p') ))
fi

# --- the table ---------------------------------------------------------------------------------
row "jbridge import, 1M-mark HAR" import "$data_rows" "$har_bytes"
row "baseline A: Python json + sqlite3" python "$data_rows" "$har_bytes"
row "baseline B: sqlite3 .import of the CSV" sqlite_import "$data_rows" "$csv_bytes"
row "baseline B: parse-only pass (har-parse)" parse_only "$data_rows" "$har_bytes"
row "jbridge validate --profile base" validate 0 0
[ "$quick" -eq 1 ] || row "import, 4M-mark HAR ($marks_4m marks, niced)*" import_4m "$marks_4m" "$(stat -c %s "$har_4m")"
row "pull, concurrency 1 ($(cat "$log/pull_c1.requests") requests)" pull_c1 "$(cat "$log/pull_c1.requests")" 0
row "pull, default concurrency ($(cat "$log/pull_default.requests") requests)" pull_default "$(cat "$log/pull_default.requests")" "$pull_bytes"

echo
echo "jbridge $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "1M data set: $(field students) students, $(field lessons) lessons, $marks marks ($data_rows rows), HAR $(( har_bytes / 1048576 )) MiB"
printf '%-44s %8s %8s %12s %9s %9s\n' "step" "wall s" "CPU s" "rows/s" "MB/s" "RSS MiB"
printf '%s\n' "${rows[@]}"
echo
import_wall=$(value import wall)
limit=$(echo "$(value sqlite_import wall) + $(value parse_only wall)" | bc)
echo "targets:"
printf '  import vs baseline A (Python):      %5sx faster   (target ≥ 5x)\n' "$(ratio "$(value python wall)" "$import_wall")"
printf '  import vs baseline B (%s s):       %5sx the time  (target ≤ 2x)\n' "$limit" "$(ratio "$import_wall" "$limit")"
printf '  peak RSS at 1M marks:               %5s MiB      (target ≤ 256)\n' "$(mib "$(value import rss)")"
[ "$quick" -eq 1 ] || printf '  peak RSS at 4M marks:               %5s MiB      (target ≤ 256, flat)\n' "$(mib "$(value import_4m rss)")"
printf '  validate / import time:             %5s          (target < 1)\n' "$(ratio "$(value validate wall)" "$import_wall")"
printf '  pull speed-up, default vs 1:        %5sx         (target ≥ 3x)\n' "$(ratio "$(value pull_c1 wall)" "$(value pull_default wall)")"
printf '  pull requests vs minimum (%s):    %5s          (target ≤ 1.05)\n' "$minimum" "$(ratio "$(cat "$log/pull_default.requests")" "$minimum")"
[ "$quick" -eq 1 ] || echo "* run at nice 10 beside the pulls, for its peak memory; its time is not the import's alone"
echo "set-up (packages, build): ${setup_seconds} s; measuring: $(( $(date +%s) - bench_start )) s; in all: $(( $(date +%s) - setup_start )) s"
