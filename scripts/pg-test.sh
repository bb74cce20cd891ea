#!/usr/bin/env bash
# Throwaway PostgreSQL for tests, from the machine's own binaries (Debian's postgresql package).
#   URL=$(scripts/pg-test.sh start)   …tests…   scripts/pg-test.sh stop
#   scripts/pg-test.sh halt | resume: stops the server (fast shutdown, as a restart or failover does)
#   and starts it again on the same data, for the database-outage tests.
# PostgreSQL refuses to run as root: when we are root it runs as the 'postgres' system user.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PGPORT=${PGPORT:-54329}
PGTMP=${PGTMP:-${TMPDIR:-/tmp}/mutualis-pg-$PGPORT}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL binaries not found; run scripts/ensure-system-deps.sh" >&2; exit 1
fi
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); else AS=(); fi
case "${1:-start}" in
start)

  rm -rf "$PGTMP"; mkdir -p "$PGTMP"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PGTMP"; fi
  cd "$PGTMP"
  "${AS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log"
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
  cd - >/dev/null
  echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
  ;;
halt)
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >&2
  ;;
resume)
  cd "$PGTMP"
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
  cd - >/dev/null
  ;;
stop)
  if [ -d "$PGTMP/data" ]; then "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >&2 || true; fi
  rm -rf "$PGTMP"
  ;;
esac
