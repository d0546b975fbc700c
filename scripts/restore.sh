#!/usr/bin/env bash
# Restore a Meister Hub backup (scripts/backup.sh) into a NEW database, and optionally the
# uploads into an empty media directory. It never overwrites: an existing database or a
# non-empty media directory is refused, so a restore cannot clobber live data by mistake.
#
#   scripts/restore.sh DUMP TARGET_DATABASE_URL [MEDIA_TAR MEDIA_DIR]
#
# The database named in TARGET_DATABASE_URL is created (through the server's `postgres`
# database, so the role needs CREATEDB) and filled in one transaction: on any error nothing
# is left half-restored, and the new database is dropped again.
set -euo pipefail

if [ $# -ne 2 ] && [ $# -ne 4 ]; then
  echo "usage: $0 DUMP TARGET_DATABASE_URL [MEDIA_TAR MEDIA_DIR]" >&2
  exit 2
fi
dump="$1" target="$2" media_tar="${3:-}" media_dir="${4:-}"
[ -f "$dump" ] || { echo "restore.sh: no such dump: $dump" >&2; exit 2; }
[ -z "$media_tar" ] || [ -f "$media_tar" ] || { echo "restore.sh: no such archive: $media_tar" >&2; exit 2; }

# postgres://user@host:port/NAME[?options] -> NAME, and the same URL on database `postgres`.
without_query="${target%%\?*}"
query="${target:${#without_query}}"
dbname="${without_query##*/}"
server="${without_query%/*}"
if ! [[ "$dbname" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "restore.sh: database name must be letters, digits and _: '$dbname'" >&2
  exit 2
fi
admin="$server/postgres$query"
psql_bin="${PG_BIN:+$PG_BIN/}psql"

if [ -n "$media_dir" ] && [ -d "$media_dir" ] && [ -n "$(ls -A "$media_dir")" ]; then
  echo "restore.sh: media directory $media_dir is not empty; choose a new one" >&2
  exit 1
fi
exists="$("$psql_bin" "$admin" -XtAc "SELECT 1 FROM pg_database WHERE datname = '$dbname'")"
if [ "$exists" = "1" ]; then
  echo "restore.sh: database $dbname already exists; restore into a new database" >&2
  exit 1
fi

"$psql_bin" "$admin" -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$dbname\""
if ! "${PG_BIN:+$PG_BIN/}pg_restore" --no-owner --no-privileges --exit-on-error \
    --single-transaction --dbname="$target" "$dump"; then
  "$psql_bin" "$admin" -Xq -c "DROP DATABASE IF EXISTS \"$dbname\"" || true
  echo "restore.sh: pg_restore failed; database $dbname was dropped again" >&2
  exit 1
fi
migrations="$("$psql_bin" "$target" -XtAc "SELECT count(*) FROM django_migrations")"
echo "restored database $dbname ($migrations migrations recorded)"

if [ -n "$media_tar" ]; then
  mkdir -p "$media_dir"
  tar -C "$media_dir" -xzf "$media_tar"
  echo "restored media into $media_dir ($(find "$media_dir" -type f | wc -l) files)"
fi
