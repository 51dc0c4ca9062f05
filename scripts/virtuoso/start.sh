#!/usr/bin/env bash
# Starts a private Virtuoso (Debian's virtuoso-opensource) on loopback: its own database
# folder, its own SQL and HTTP ports, its own dba password, and a writer account for the
# service (digest authentication on /sparql-auth and /sparql-graph-crud-auth).
#
#   scripts/virtuoso/start.sh [DIR]
#
# DIR (default: a new temporary folder) receives virtuoso.ini, db/, virtuoso.pid, the log,
# and `env`, a file of shell assignments for the service:
#   UNKG_REMOTE_QUERY_URL, UNKG_REMOTE_UPDATE_URL, UNKG_REMOTE_GSP_URL, UNKG_REMOTE_AUTH,
#   UNKG_REMOTE_CREDENTIALS_FILE (the writer's "user:password", mode 600), VIRTUOSO_PID,
#   VIRTUOSO_SQL_PORT, VIRTUOSO_DBA_PASSWORD_FILE.
# The last line on standard output is the path of that env file.
#
# Stopping: `kill $(cat DIR/virtuoso.pid)` (SIGTERM: a clean shutdown in about 0.5 s). With
# VIRTUOSO_OWNER_PID set, a watchdog stops it as soon as that process is gone, so a test
# run that dies does not leave it behind. VIRTUOSO_MAX_ROWS (default 10000, Virtuoso's own)
# and VIRTUOSO_BUFFERS (default 170000, about 1.3 GiB of pages) tune the instance.
# For a container: VIRTUOSO_BIND (default 127.0.0.1), VIRTUOSO_SQL_PORT, VIRTUOSO_HTTP_PORT,
# VIRTUOSO_DBA_PASSWORD and VIRTUOSO_WRITER_CREDENTIALS ("user:password"; default: random) fix
# what is otherwise chosen here; VIRTUOSO_WAIT=1 stays in the foreground until Virtuoso ends
# (passing SIGTERM on). A DIR that already holds a database is started as it is.
set -euo pipefail

DIR="${1:-$(mktemp -d -t unkg-virtuoso.XXXXXX)}"
mkdir -p "$DIR/db" "$DIR/vsp" "$DIR/load"
DIR="$(cd "$DIR" && pwd)"
TEMPLATE=/etc/virtuoso-opensource-7/virtuoso.ini
command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: install virtuoso-opensource" >&2; exit 1; }

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
BIND="${VIRTUOSO_BIND:-127.0.0.1}"
SQL_PORT="${VIRTUOSO_SQL_PORT:-$(free_port)}"
HTTP_PORT="${VIRTUOSO_HTTP_PORT:-$(free_port)}"
MAX_ROWS="${VIRTUOSO_MAX_ROWS:-10000}"
BUFFERS="${VIRTUOSO_BUFFERS:-170000}"
DBA_PASSWORD="${VIRTUOSO_DBA_PASSWORD:-v$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}"
WRITER=unkg
WRITER_PASSWORD="w$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
if [ -n "${VIRTUOSO_WRITER_CREDENTIALS:-}" ]; then
  WRITER="${VIRTUOSO_WRITER_CREDENTIALS%%:*}"
  WRITER_PASSWORD="${VIRTUOSO_WRITER_CREDENTIALS#*:}"
fi
FRESH=1
[ -f "$DIR/db/virtuoso.db" ] && FRESH=0

# The template with every path moved into DIR and the ports on loopback.
sed -e "s#/var/lib/virtuoso-opensource-7/db#$DIR/db#g" \
    -e "s#/var/lib/virtuoso-opensource-7/vsp#$DIR/vsp#g" \
    -e "s#^ServerPort\s*=\s*1111#ServerPort = $BIND:$SQL_PORT#" \
    -e "s#^ServerPort\s*=\s*8890#ServerPort = $BIND:$HTTP_PORT#" \
    -e "s#^DefaultHost\s*=.*#DefaultHost = 127.0.0.1:$HTTP_PORT#" \
    -e "s#^DirsAllowed\s*=.*#DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, $DIR/load#" \
    -e "s#^NumberOfBuffers\s*=.*#NumberOfBuffers = $BUFFERS#" \
    -e "s#^MaxDirtyBuffers\s*=.*#MaxDirtyBuffers = $(( BUFFERS * 3 / 4 ))#" \
    -e "s#^ResultSetMaxRows\s*=.*#ResultSetMaxRows = $MAX_ROWS#" \
    -e "s#^MaxClientConnections\s*=.*#MaxClientConnections = 50#" \
    -e "s#^ServerThreads\s*=.*#ServerThreads = 50#" \
    -e "s#^MaxKeepAlives\s*=.*#MaxKeepAlives = 50#" \
    -e "s#^Load[0-9].*##" \
    "$TEMPLATE" > "$DIR/virtuoso.ini"

virtuoso-t +configfile "$DIR/virtuoso.ini" +foreground > "$DIR/virtuoso.out" 2>&1 &
PID=$!
echo "$PID" > "$DIR/virtuoso.pid"
if [ -n "${VIRTUOSO_OWNER_PID:-}" ]; then
  # Watchdog: stop Virtuoso when its owner is gone (or when Virtuoso itself ended).
  ( while kill -0 "$VIRTUOSO_OWNER_PID" 2>/dev/null && kill -0 "$PID" 2>/dev/null; do sleep 1; done
    kill "$PID" 2>/dev/null || true ) </dev/null >/dev/null 2>&1 &
fi

ISQL=(isql-vt "127.0.0.1:$SQL_PORT" dba)
for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D&format=json" 2>/dev/null; then break; fi
  kill -0 "$PID" 2>/dev/null || { echo "Virtuoso ended during start; see $DIR/virtuoso.out" >&2; cat "$DIR/virtuoso.out" >&2; exit 1; }
  sleep 0.25
done
curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D&format=json" || { echo "Virtuoso did not answer" >&2; exit 1; }

# A fresh database has dba/dba: replace it, then create the writer used by the service.
if [ "$FRESH" = 1 ]; then
"${ISQL[@]}" dba "EXEC=SET PASSWORD dba $DBA_PASSWORD;" >/dev/null
"${ISQL[@]}" "$DBA_PASSWORD" \
  "EXEC=DB.DBA.USER_CREATE('$WRITER', '$WRITER_PASSWORD');" \
  "EXEC=GRANT SPARQL_UPDATE TO \"$WRITER\";" \
  "EXEC=GRANT SPARQL_SELECT TO \"$WRITER\";" \
  "EXEC=DB.DBA.RDF_DEFAULT_USER_PERMS_SET('$WRITER', 7);" \
  "EXEC=checkpoint;" >/dev/null
fi

umask 077
# On a database that was already there, the passwords are the ones it was created with.
if [ "$FRESH" = 1 ] || [ -n "${VIRTUOSO_DBA_PASSWORD:-}" ]; then printf '%s' "$DBA_PASSWORD" > "$DIR/dba-password"; fi
if [ "$FRESH" = 1 ] || [ -n "${VIRTUOSO_WRITER_CREDENTIALS:-}" ]; then printf '%s:%s' "$WRITER" "$WRITER_PASSWORD" > "$DIR/credentials"; fi
cat > "$DIR/env" <<ENV
UNKG_STORE=remote
UNKG_REMOTE_QUERY_URL=http://127.0.0.1:$HTTP_PORT/sparql-auth
UNKG_REMOTE_UPDATE_URL=http://127.0.0.1:$HTTP_PORT/sparql-auth
UNKG_REMOTE_GSP_URL=http://127.0.0.1:$HTTP_PORT/sparql-graph-crud-auth
UNKG_REMOTE_AUTH=digest
UNKG_REMOTE_CREDENTIALS_FILE=$DIR/credentials
VIRTUOSO_PUBLIC_QUERY_URL=http://127.0.0.1:$HTTP_PORT/sparql
VIRTUOSO_PID=$PID
VIRTUOSO_SQL_PORT=$SQL_PORT
VIRTUOSO_DBA_PASSWORD_FILE=$DIR/dba-password
VIRTUOSO_DIR=$DIR
ENV
echo "$DIR/env"
if [ "${VIRTUOSO_WAIT:-0}" = 1 ]; then
  trap 'kill -TERM "$PID" 2>/dev/null' TERM INT
  wait "$PID" || true
  wait "$PID" 2>/dev/null || true
fi
