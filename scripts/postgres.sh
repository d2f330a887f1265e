#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests, the benchmarks and trying Sablier on
# PostgreSQL: `scripts/postgres.sh start DIR [PORT]` makes one under DIR (initdb, then pg_ctl),
# listening on 127.0.0.1 only, with trust authentication for the local user `postgres`;
# `scripts/postgres.sh stop DIR` stops it and removes DIR. PostgreSQL refuses to run as root,
# so the cluster runs as the `postgres` user (Debian's package creates it).
# `start` prints the URL of its `postgres` database: postgres://postgres@127.0.0.1:PORT/postgres
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)")
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

command=${1:-}
dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: scripts/postgres.sh start|stop DIR [PORT]" >&2; exit 64; }

case "$command" in
  start)
    port=${3:-0}
    if [ "$port" = 0 ]; then
      # A free port on the loopback interface, chosen by the kernel.
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    fi
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || { echo "scripts/postgres.sh: $dir is not empty" >&2; exit 65; }
    touch "$dir/.sablier-postgres"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    chmod 700 "$dir"
    as_postgres "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a throw-away cluster whose data nobody keeps; the rest as shipped.
    as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    # Only a folder this script made is removed (its marker): a mistyped
    # folder is refused rather than deleted.
    if [ ! -f "$dir/.sablier-postgres" ]; then
      [ -d "$dir" ] || exit 0
      echo "scripts/postgres.sh: $dir holds no cluster started by this script; nothing removed" >&2
      exit 65
    fi
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_postgres "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop DIR [PORT]" >&2; exit 64 ;;
esac
