#!/bin/sh
# Seeds for edutatar_fuzz from the fixtures: the first byte of an input picks the path (see the
# target), so each page is prefixed with a selector byte; diary.xml loses the <diary> opening the
# target adds itself.
set -eu
out=${1:?usage: edutatar_seeds.sh OUTPUT_DIR}
src=$(dirname "$0")/../../fixtures/edutatar
mkdir -p "$out"
n=0
for page in "$src"/*.html "$src"/pupil-2022/*.html "$src"/bad/*.html "$src"/bad/*.txt; do
  for selector in '\000' '\023' '\074'; do
    n=$((n + 1)); { printf "$selector"; cat "$page"; } > "$out/page-$n"
  done
done
for diary in "$src"/pupil-2022/diary.xml "$src"/bad/diary_truncated.xml; do
  n=$((n + 1)); { printf '\220'; sed -n '/<diary/,$p' "$diary" | sed '1s/.*<diary[^>]*>//'; } > "$out/diary-$n"
done
echo "$n seeds in $out"
