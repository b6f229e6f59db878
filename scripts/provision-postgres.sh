# Provisions the database the product and its tests use, idempotently:
#  - with FROSTER_DB_URL set: an existing PostgreSQL server (pgvector must be installable there);
#  - otherwise an embedded cluster under var/postgres on port 55432 (PostgreSQL 15 + pgvector,
#    installed from Debian's packages when missing; pgvector is built from Debian's own source
#    package because bookworm has no binary package for it).
# Exports FROSTER_DB_HOST/PORT/NAME/USER/PASSWORD for Maven, Liberty and the tests.
# shellcheck shell=bash

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_DIR=$FROSTER_VAR/postgres
PG_DATA=$PG_DIR/data
PG_RUN=$PG_DIR/run
FROSTER_DB_EMBEDDED_PORT=${FROSTER_DB_EMBEDDED_PORT:-55432}

install_postgres() {
  [ -x "$PG_BIN/initdb" ] && return 0
  apt_install "postgresql-$PG_VERSION"
}

install_pgvector() {
  [ -f "/usr/share/postgresql/$PG_VERSION/extension/vector.control" ] && return 0
  apt_install "postgresql-server-dev-$PG_VERSION" build-essential dpkg-dev
  local work lists
  work=$(mktemp -d)
  lists=$work/sources.list
  mkdir -p "$work/lists/partial"
  # A temporary source list: trixie's source package builds against bookworm's PostgreSQL 15.
  echo "deb-src http://deb.debian.org/debian trixie main" >"$lists"
  say "building pgvector from Debian's source package"
  (
    cd "$work" &&
      apt_source_only update &&
      apt_source_only source pgvector &&
      cd pgvector-*/ &&
      make -s PG_CONFIG="$PG_BIN/pg_config" >/dev/null 2>&1 &&
      make -s PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
  ) || die "could not build pgvector from Debian's source package (see $work)"
  rm -rf "$work"
}

# apt-get on the temporary source list only, leaving the system's lists untouched.
apt_source_only() {
  apt-get -qq -o Dir::Etc::sourcelist="$lists" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$work/lists" -o APT::Sandbox::User=root "$@" >/dev/null 2>&1
}

as_postgres() { runuser -u postgres -- "$@"; }

psql_admin() {
  as_postgres env PGOPTIONS=--client-min-messages=warning "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$FROSTER_DB_EMBEDDED_PORT" \
    -U postgres "$@"
}

start_embedded_cluster() {
  mkdir -p "$PG_DIR" "$PG_RUN"
  chown postgres:postgres "$PG_DIR" "$PG_RUN"
  as_postgres test -x "$PG_DIR" ||
    die "the postgres user cannot reach $PG_DIR: make the folders above it traversable (chmod o+x)"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    say "creating the database cluster in $PG_DATA"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=peer \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    say "starting PostgreSQL $PG_VERSION on localhost:$FROSTER_DB_EMBEDDED_PORT"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 60 \
      -o "-p $FROSTER_DB_EMBEDDED_PORT -k $PG_RUN -c listen_addresses=localhost -c max_connections=200" \
      start >/dev/null || die "PostgreSQL did not start: see $PG_DIR/postgres.log"
    FROSTER_STARTED_POSTGRES=1
  fi
}

stop_embedded_cluster() {
  [ -f "$PG_DATA/PG_VERSION" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

ensure_database() {
  local name=$1
  if [ -z "$(psql_admin -tAc "select 1 from pg_database where datname = '$name'")" ]; then
    psql_admin -c "create database $name owner $FROSTER_DB_USER" >/dev/null
  fi
}

provision_embedded_database() {
  install_postgres
  install_pgvector
  start_embedded_cluster
  local secrets=$FROSTER_SECRETS/db.properties
  if [ ! -f "$secrets" ]; then
    printf 'user=froster\npassword=%s\n' "$(random_secret)" | write_private "$secrets"
  fi
  FROSTER_DB_USER=$(sed -n 's/^user=//p' "$secrets")
  FROSTER_DB_PASSWORD=$(sed -n 's/^password=//p' "$secrets")
  FROSTER_DB_HOST=localhost
  FROSTER_DB_PORT=$FROSTER_DB_EMBEDDED_PORT
  psql_admin <<SQL >/dev/null
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$FROSTER_DB_USER') then
    create role $FROSTER_DB_USER login createdb;
  end if;
end \$\$;
alter role $FROSTER_DB_USER password '$FROSTER_DB_PASSWORD';
SQL
  # In template1, so that every database created later (tests make their own) has pgvector.
  psql_admin -d template1 -c "create extension if not exists vector" >/dev/null
  ensure_database froster
  ensure_database froster_test
}

# jdbc:postgresql://host[:port]/database[?...]
use_external_database() {
  local rest=${FROSTER_DB_URL#jdbc:postgresql://}
  [ "$rest" != "$FROSTER_DB_URL" ] || die "FROSTER_DB_URL must look like jdbc:postgresql://host:port/database"
  [[ "$rest" == */* ]] || die "FROSTER_DB_URL names no database: $FROSTER_DB_URL"
  local authority=${rest%%/*} database=${rest#*/}
  database=${database%%\?*}
  FROSTER_DB_HOST=${authority%%:*}
  FROSTER_DB_PORT=5432
  [ "$authority" = "$FROSTER_DB_HOST" ] || FROSTER_DB_PORT=${authority#*:}
  [ -n "$database" ] || die "FROSTER_DB_URL names no database: $FROSTER_DB_URL"
  FROSTER_DB_NAME=$database
  [ -n "${FROSTER_DB_USER:-}" ] || die "FROSTER_DB_URL is set: set FROSTER_DB_USER and FROSTER_DB_PASSWORD too"
}

# $1: "run" (the product's database) or "test" (the test suite's own database, froster_test, on
# the same server: tests create, fill and drop databases and rows there).
provision_database() {
  local purpose=${1:-run}
  mkdir -p "$FROSTER_SECRETS"
  chmod 700 "$FROSTER_SECRETS"
  if [ -n "${FROSTER_DB_URL:-}" ]; then
    use_external_database
  else
    provision_embedded_database
    FROSTER_DB_NAME=froster
  fi
  [ "$purpose" = test ] && FROSTER_DB_NAME=froster_test
  export FROSTER_DB_HOST FROSTER_DB_PORT FROSTER_DB_NAME FROSTER_DB_USER FROSTER_DB_PASSWORD
}
