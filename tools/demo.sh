#!/usr/bin/env bash
# Installs the dependencies, builds, and runs jbridge's main job on the bundled invented school:
# import into an archive, show what is inside, count it, and export it back losslessly.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/install-deps.sh
./tools/build.sh -DJBRIDGE_TESTS=OFF

jbridge=build/cli/jbridge
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fixture=fixtures/native/school-demo.jsonl

set -x
$jbridge adapters
$jbridge import --from auto "$fixture" -o "$out/school.sqlite"
$jbridge info "$out/school.sqlite"
$jbridge stats "$out/school.sqlite" --json
$jbridge import --from native "$fixture" -o "$out/school.sqlite"
$jbridge export --to native "$out/school.sqlite" -o "$out/school.jsonl"
cmp "$fixture" "$out/school.jsonl"
{ set +x; } 2>/dev/null
echo "demo: the archive holds the whole school, a second import changed nothing, and the export equals the input."
