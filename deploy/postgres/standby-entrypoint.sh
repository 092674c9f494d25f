#!/usr/bin/env bash
# The standby's entrypoint. On its first start (an empty data directory) it copies the primary with pg_basebackup -R,
# which writes standby.signal and primary_conninfo, so that the server starts as a hot standby streaming from the
# primary through the replication slot. Then the image's own entrypoint takes over: it sets the directory's owner
# and mode, finds a database there, and starts the server without initialising one.
set -Eeuo pipefail

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup \
    --host="$PRIMARY_HOST" --port="$PRIMARY_PORT" --username="$REPLICATION_USER" --no-password \
    --pgdata="$PGDATA" --write-recovery-conf --wal-method=stream --slot="$REPLICATION_SLOT" --checkpoint=fast
fi

exec docker-entrypoint.sh "$@"
