#!/usr/bin/env bash
# Builds in release and runs the benchmarks; prints figures and ratios (see docs/PERFORMANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product sablier
swift build -c release --product sablier-bench
.build/release/sablier-bench "$@"
