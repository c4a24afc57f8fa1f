#!/usr/bin/env bash
# Installs the dependencies, builds, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/install-deps.sh
./tools/build.sh -DJBRIDGE_TESTS=ON "$@"
ctest --test-dir build --output-on-failure -j"$(nproc)"
