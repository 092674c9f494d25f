#!/usr/bin/env bash
# The Development database that `dotnet run --project src/CleanTemplate.Web` starts when no connection string is set
# (data in src/CleanTemplate.Web/.data/postgres, a new free port on every start).
#
#   build/local-db.sh status       is it running, and where
#   build/local-db.sh connection   its connection string, e.g. for the CLI:
#                                  ConnectionStrings__Database="$(build/local-db.sh connection)" dotnet run --project src/CleanTemplate.Cli -- db history
#   build/local-db.sh psql [args]  a psql session on it
#   build/local-db.sh stop         stop the server (the data stays; the app starts it again)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/src/CleanTemplate.Web/.data/postgres"
DATABASE="development"

# postmaster.pid: line 1 the server's pid, line 4 its port (PostgreSQL's documented layout).
running_port() {
  [[ -f "$DATA/postmaster.pid" ]] || return 1
  local pid port
  pid="$(sed -n 1p "$DATA/postmaster.pid")"
  port="$(sed -n 4p "$DATA/postmaster.pid")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$port"
}

require_running() {
  running_port || { echo "The local database is not running: start the app (dotnet run --project src/CleanTemplate.Web)." >&2; exit 1; }
}

as_server_user() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-status}" in
  status)
    if port="$(running_port)"; then echo "running on 127.0.0.1:$port, data in $DATA"; else echo "not running (data in $DATA)"; fi ;;
  connection)
    port="$(require_running)"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$DATABASE" ;;
  psql)
    port="$(require_running)"
    shift
    exec psql -h 127.0.0.1 -p "$port" -U postgres "$DATABASE" "$@" ;;
  stop)
    require_running >/dev/null
    pg_ctl="$(command -v pg_ctl || ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)"
    as_server_user "$pg_ctl" stop -D "$DATA" -m fast ;;
  *)
    sed -n '2,10p' "$0" >&2; exit 2 ;;
esac
