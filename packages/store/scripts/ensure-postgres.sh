#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the store's server-backend tests and bench.
#   ensure-postgres.sh start <dir> <port>   installs PostgreSQL if missing, creates a cluster in <dir>,
#                                           starts it on 127.0.0.1:<port>, prints its URL on stdout
#   ensure-postgres.sh stop <dir>           stops it and removes <dir>
# Runs unattended (CI, no stdin). PostgreSQL refuses to run as root, so as root the cluster runs as the
# "postgres" system user (created by the package) or, failing that, a "newsfuse-pg" user made here.
set -euo pipefail
cmd=${1:?usage: ensure-postgres.sh start|stop <dir> [port]}
dir=${2:?data directory required}

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  return 1
}

run_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

if [ "$cmd" = stop ]; then
  if [ -f "$dir/data/postmaster.pid" ] && bin=$(find_bin); then
    pg_user=$(stat -c %U "$dir/data")
    run_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
  exit 0
fi

port=${3:?port required}
if ! bin=$(find_bin); then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-postgres: PostgreSQL (initdb, pg_ctl) is not installed and installing it needs root: apt-get install postgresql" >&2
    exit 1
  fi
  echo "ensure-postgres: installing PostgreSQL (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2 </dev/null
  bin=$(find_bin) || { echo "ensure-postgres: apt-get installed postgresql but initdb/pg_ctl were not found under /usr/lib/postgresql/*/bin" >&2; exit 1; }
fi

pg_user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then pg_user=postgres
  else
    id newsfuse-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin newsfuse-pg
    pg_user=newsfuse-pg
  fi
fi

mkdir -p "$dir"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown "$pg_user" "$dir"
run_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# Throwaway cluster: durability settings off (a crashed test cluster is just deleted), sockets kept in <dir>.
run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-off} -c synchronous_commit=${PG_SYNC_COMMIT:-off} -c full_page_writes=off -c max_connections=100" \
  start >&2 || { cat "$dir/server.log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$port/postgres"
