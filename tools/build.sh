#!/usr/bin/env bash
# Configures and builds jbridge in build/ (Release with debug info). Extra arguments go to cmake,
# e.g. ./tools/build.sh -DJBRIDGE_SANITIZE=ON
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
ninja -C build
