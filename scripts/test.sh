#!/usr/bin/env bash
# Runs the whole test suite: real SQLite files, real XML through libxml2, the real sablier binary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product sablier
swift test "$@"
