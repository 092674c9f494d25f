#!/usr/bin/env bash
# The primary's first start only: the image runs /docker-entrypoint-initdb.d/ once, on an empty data directory, as
# the postgres user against a server on its Unix socket. It creates the app's role and database (the superuser is
# for this script alone) and the standby's replication role and slot, and lets that role stream. The image's
# entrypoint runs this file, or sources it when it is not executable, so it sets no shell options: a failure
# exits, which stops the initialisation.

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
  --set app_user="$APP_DB_USER" --set app_password="$APP_DB_PASSWORD" --set app_database="$APP_DB_NAME" \
  --set replication_user="$REPLICATION_USER" --set replication_password="$REPLICATION_PASSWORD" \
  --set replication_slot="$REPLICATION_SLOT" <<'SQL' || exit 1
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_database" OWNER :"app_user";
CREATE ROLE :"replication_user" LOGIN REPLICATION PASSWORD :'replication_password';
-- The slot keeps the WAL the standby has not received yet, also while it is stopped.
SELECT pg_create_physical_replication_slot(:'replication_slot');
SQL

# The image's pg_hba.conf line "host all all all" does not match replication connections.
printf 'host replication %s all scram-sha-256\n' "$REPLICATION_USER" >> "$PGDATA/pg_hba.conf"
