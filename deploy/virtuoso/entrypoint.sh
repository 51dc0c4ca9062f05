#!/usr/bin/env bash
# Starts Virtuoso on all interfaces of the container, ports 1111 (SQL) and 8890 (HTTP), with
# the dba password and the writer's "user:password" read from the secret files.
set -euo pipefail
export VIRTUOSO_BIND=0.0.0.0 VIRTUOSO_SQL_PORT=1111 VIRTUOSO_HTTP_PORT=8890 VIRTUOSO_WAIT=1
VIRTUOSO_DBA_PASSWORD="$(cat "${VIRTUOSO_DBA_PASSWORD_FILE:-/run/secrets/virtuoso-dba-password}")"
VIRTUOSO_WRITER_CREDENTIALS="$(cat "${VIRTUOSO_WRITER_CREDENTIALS_FILE:-/run/secrets/unkg-remote-credentials}")"
export VIRTUOSO_DBA_PASSWORD VIRTUOSO_WRITER_CREDENTIALS
exec /usr/local/bin/unkg-virtuoso /database
