#!/usr/bin/env bash
# Builds in release and runs the benchmarks; prints figures and ratios (see docs/PERFORMANCE.md).
#
# `register` and `serve` measure Sablier on SQLite and on PostgreSQL side by side; `privacy-workers`
# the shared privacy scan by 1, 2 and 4 workers on PostgreSQL. With no server
# given (`--postgres-url URL` or $SABLIER_BENCH_POSTGRES) and no `--backend sqlite`, a throw-away
# PostgreSQL cluster is started for the run (scripts/postgres.sh) and stopped and removed however
# the run ends; if none can be started, SQLite alone is measured, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product sablier
swift build -c release --product sablier-bench

wants_postgres=no
case " $* " in
  *" register "*|*" serve "*|*" privacy-workers "*) wants_postgres=yes ;;
esac
case " $* " in
  *" --postgres-url "*|*" --backend sqlite "*) wants_postgres=no ;;
esac
if [ "$wants_postgres" = yes ] && [ -z "${SABLIER_BENCH_POSTGRES:-}" ]; then
  # Under /tmp, which the `postgres` user the cluster runs as can always reach.
  postgres_dir=$(mktemp -d /tmp/sablier-bench-postgres.XXXXXX)
  stop_postgres() { scripts/postgres.sh stop "$postgres_dir"; }
  trap stop_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if SABLIER_BENCH_POSTGRES=$(scripts/postgres.sh start "$postgres_dir"); then
    export SABLIER_BENCH_POSTGRES
    echo "bench: PostgreSQL at $SABLIER_BENCH_POSTGRES (stopped on exit)" >&2
  else
    echo "bench: no PostgreSQL cluster could be started; SQLite only" >&2
    set -- "$@" --backend sqlite
  fi
fi
.build/release/sablier-bench "$@"
