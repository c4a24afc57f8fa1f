#!/usr/bin/env bash
# Times `jbridge validate --profile base` against the import of the same synthetic archive of about
# 1,000,000 marks (issue 7: validate must take less time than the import took) and prints both
# times and their ratio.
#   bench/validate.sh [BUILD_DIR] [WORK_DIR]
# BUILD_DIR defaults to build/ (a Release or RelWithDebInfo build gives production numbers);
# WORK_DIR (default: a temporary directory, removed afterwards) keeps the generated bundle for reuse.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
jbridge=$build/cli/jbridge
generator=$build/tools/gen-synthetic/gen-synthetic
for exe in "$jbridge" "$generator"; do
  [ -x "$exe" ] || { echo "validate.sh: $exe not built (ninja -C $build jbridge gen-synthetic)" >&2; exit 2; }
done
if [ -n "${2:-}" ]; then
  work=$2
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
bundle=$work/synthetic-1m.jsonl
archive=$work/synthetic-1m.sqlite
# 84 classes × 30 pupils × 12 subjects × 4 quarters ≈ 1,000,000 marks.
if [ ! -s "$bundle" ]; then
  "$generator" -q --seed 3 --classes 84 --students 30 --subjects 12 --quarters 4 --native "$bundle"
fi
rm -f "$archive"

seconds() { date +%s.%N; }
start=$(seconds)
"$jbridge" import --from native "$bundle" -o "$archive" >/dev/null
import_s=$(echo "$(seconds) - $start" | bc)

start=$(seconds)
set +e
"$jbridge" validate "$archive" --profile base --format json --timings >"$work/findings.json" 2>"$work/timings.txt"
code=$?
set -e
validate_s=$(echo "$(seconds) - $start" | bc)
[ "$code" -le 1 ] || { echo "validate.sh: validate failed (exit $code)" >&2; exit 2; }

marks=$("$jbridge" stats "$archive" --json | sed -n 's/.*"marks":\([0-9]*\).*/\1/p')
summary=$(sed -n 's/.*"summary":\({[^}]*}\).*/\1/p' "$work/findings.json")
printf 'marks:            %s\n' "$marks"
printf 'import:           %.1f s\n' "$import_s"
printf 'validate (base):  %.1f s   exit %s, summary %s\n' "$validate_s" "$code" "$summary"
printf 'validate/import:  %.2f\n' "$(echo "$validate_s / $import_s" | bc -l)"
echo "time per rule (validate --timings):"
cat "$work/timings.txt"
