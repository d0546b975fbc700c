#!/usr/bin/env bash
# Back up Meister Hub: the PostgreSQL database of DATABASE_URL as a pg_dump custom-format
# archive, and MEDIA_ROOT (uploads) as a tar.gz, both stamped with the UTC time.
#
#   DATABASE_URL=postgres://user@host:5432/meisterhub MEDIA_ROOT=/srv/meisterhub/media \
#     scripts/backup.sh [BACKUP_DIR]        # default BACKUP_DIR: $BACKUP_DIR or ./backups
#
# Prints the two file paths. Files are written as *.partial and renamed when complete, so a
# file without that suffix is a whole backup. Restore with scripts/restore.sh.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "backup.sh: DATABASE_URL must be a postgres:// URL (SQLite is not backed up here)" >&2
     exit 2 ;;
esac

here="$(cd "$(dirname "$0")" && pwd)"
media="${MEDIA_ROOT:-$here/../media}"
dest="${1:-${BACKUP_DIR:-./backups}}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dump="$dest/meisterhub-$stamp.dump"
media_tar="$dest/meisterhub-media-$stamp.tar.gz"

umask 077  # backups hold personal data
mkdir -p "$dest"
if [ -e "$dump" ] || [ -e "$media_tar" ]; then
  echo "backup.sh: $dump already exists; wait a second and run again" >&2
  exit 1
fi
trap 'rm -f "$dump.partial" "$media_tar.partial"' EXIT

# --no-owner: the archive restores under whichever role runs restore.sh.
"${PG_BIN:+$PG_BIN/}pg_dump" --format=custom --no-owner --file="$dump.partial" "$DATABASE_URL"
"${PG_BIN:+$PG_BIN/}pg_restore" --list "$dump.partial" >/dev/null  # the archive reads back
mv "$dump.partial" "$dump"

if [ -d "$media" ]; then
  tar -C "$media" -czf "$media_tar.partial" .
else
  echo "backup.sh: MEDIA_ROOT $media does not exist; writing an empty media archive" >&2
  tar -czf "$media_tar.partial" -T /dev/null
fi
mv "$media_tar.partial" "$media_tar"

echo "$dump"
echo "$media_tar"
