#!/usr/bin/env bash
# Runs the whole test suite: real SQLite files, real XML through libxml2, the real sablier binary;
# then the end-to-end scenario of the web pages in a real headless Chromium with axe-core
# (Tests/browser; screenshots, the axe report and the server's log in .build/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product sablier
swift test "$@"
# kill -9 of the four long commands at 3 seeded points each, then the store's checks (30 s to 2 min;
# the longer run and its figures: docs/SECURITY.md, "Crash safety")
python3 scripts/crash_harness.py --points 3 --seed 14
# (no __pycache__ nor .pytest_cache left in the work tree)
PYTHONDONTWRITEBYTECODE=1 .build/browser-venv/bin/python -m pytest -q -p no:cacheprovider Tests/browser
