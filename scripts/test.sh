#!/usr/bin/env bash
# Runs the whole test suite: real SQLite files, a real PostgreSQL 15 server, real XML through
# libxml2, the real sablier binary; then the end-to-end scenario of the web pages in a real
# headless Chromium with axe-core (Tests/browser; screenshots, the axe report and the server's log
# in .build/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# A throw-away PostgreSQL cluster for the store's contract suites, which run on both backends
# once SABLIER_TEST_POSTGRES names a server (each test makes its own database there and drops it).
# Stopped and removed however the run ends: success, a failure, Ctrl-C or a kill.
# (Under /tmp, which the `postgres` user the cluster runs as can always reach.)
postgres_dir=$(mktemp -d /tmp/sablier-test-postgres.XXXXXX)
stop_postgres() { scripts/postgres.sh stop "$postgres_dir"; }
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
SABLIER_TEST_POSTGRES=$(scripts/postgres.sh start "$postgres_dir")
export SABLIER_TEST_POSTGRES
echo "test: PostgreSQL at $SABLIER_TEST_POSTGRES" >&2

swift build --product sablier
swift test "$@"
# kill -9 of the four long commands at 3 seeded points each, then the store's checks (30 s to 2 min;
# the longer run and its figures: docs/SECURITY.md, "Crash safety")
python3 scripts/crash_harness.py --points 3 --seed 14
# (no __pycache__ nor .pytest_cache left in the work tree)
PYTHONDONTWRITEBYTECODE=1 .build/browser-venv/bin/python -m pytest -q -p no:cacheprovider Tests/browser
