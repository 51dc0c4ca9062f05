#!/usr/bin/env bash
# The scaled topology on loopback, without Docker: a private Virtuoso, the built graphs
# published to it, two stateless app processes on it, and nginx (Debian) in front.
#
#   scripts/topology/start.sh [DIR]
#
# DIR (default: a new temporary folder) receives the Virtuoso folder, the logs, nginx.conf and
# `env` (its path is the last line on standard output) with TOPOLOGY_URL (nginx), APP1_URL,
# APP2_URL, APP1_PID, APP2_PID, NGINX_PID, VIRTUOSO_PID and the UNKG_REMOTE_* variables.
# Settings from the environment: TOPOLOGY_GRAPH_DIR, TOPOLOGY_ONTOLOGY_DIR,
# TOPOLOGY_REFERENCE_DIR (what is published; default the project's data), UNKG_WRITE_TOKEN
# (passed to the apps), TOPOLOGY_OWNER_PID (everything stops when that process ends).
# scripts/topology/stop.sh DIR stops it all.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${1:-$(mktemp -d -t unkg-topology.XXXXXX)}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

VIRTUOSO_OWNER_PID="${TOPOLOGY_OWNER_PID:-}" bash "$ROOT/scripts/virtuoso/start.sh" "$DIR/virtuoso" > "$DIR/virtuoso-start.log"
set -a
# shellcheck disable=SC1091
. "$DIR/virtuoso/env"
UNKG_ROOT="$ROOT"
UNKG_GRAPH_DIR="${TOPOLOGY_GRAPH_DIR:-$ROOT/data/graph}"
UNKG_ONTOLOGY_DIR="${TOPOLOGY_ONTOLOGY_DIR:-$ROOT/ontology}"
UNKG_REFERENCE_DIR="${TOPOLOGY_REFERENCE_DIR:-$ROOT/data/reference}"
UNKG_LOG_LEVEL="${UNKG_LOG_LEVEL:-warn}"
UNKG_JOURNAL=none
set +a

# The job that publishes the built graphs.
"$ROOT/node_modules/.bin/tsx" "$ROOT/src/cli.ts" publish --graph "$UNKG_GRAPH_DIR" > "$DIR/publish.log" 2>&1

# Two replicas of the stateless app.
PIDS=("$VIRTUOSO_PID")
for i in 1 2; do
  port="$(free_port)"
  UNKG_HOST=127.0.0.1 UNKG_PORT="$port" UNKG_TRUST_PROXY=127.0.0.1 node --require tsx/cjs "$ROOT/src/server.ts" > "$DIR/app$i.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  eval "APP${i}_PID=$pid APP${i}_PORT=$port"
done
for i in 1 2; do
  port_var="APP${i}_PORT"; pid_var="APP${i}_PID"
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:${!port_var}/health" && break
    kill -0 "${!pid_var}" 2>/dev/null || { echo "app $i ended during start; see $DIR/app$i.log" >&2; cat "$DIR/app$i.log" >&2; exit 1; }
    sleep 0.25
  done
done

# nginx in front: a GET that fails on one replica (connection refused or reset, 502-504) is
# sent to the other; a replica that fails is left out for a few seconds.
NGINX_PORT="$(free_port)"
mkdir -p "$DIR/nginx"
cat > "$DIR/nginx.conf" <<CONF
worker_processes 1;
error_log $DIR/nginx/error.log warn;
pid $DIR/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log $DIR/nginx/access.log;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  client_max_body_size 64m;
  upstream unkg {
    server 127.0.0.1:$APP1_PORT max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$APP2_PORT max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://unkg;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
CONF
nginx -p "$DIR/nginx" -c "$DIR/nginx.conf" -g 'daemon off;' > "$DIR/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
for _ in $(seq 1 80); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/health" && break; sleep 0.25; done
curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/health" || { echo "nginx did not answer; see $DIR/nginx" >&2; exit 1; }

if [ -n "${TOPOLOGY_OWNER_PID:-}" ]; then
  ( while kill -0 "$TOPOLOGY_OWNER_PID" 2>/dev/null; do sleep 1; done
    kill "${PIDS[@]}" 2>/dev/null || true ) </dev/null >/dev/null 2>&1 &
fi

cat > "$DIR/env" <<ENV
TOPOLOGY_URL=http://127.0.0.1:$NGINX_PORT/
APP1_URL=http://127.0.0.1:$APP1_PORT/
APP2_URL=http://127.0.0.1:$APP2_PORT/
APP1_PID=$APP1_PID
APP2_PID=$APP2_PID
NGINX_PID=$NGINX_PID
VIRTUOSO_PID=$VIRTUOSO_PID
VIRTUOSO_DIR=$DIR/virtuoso
UNKG_REMOTE_QUERY_URL=$UNKG_REMOTE_QUERY_URL
UNKG_REMOTE_UPDATE_URL=$UNKG_REMOTE_UPDATE_URL
UNKG_REMOTE_GSP_URL=$UNKG_REMOTE_GSP_URL
UNKG_REMOTE_AUTH=$UNKG_REMOTE_AUTH
UNKG_REMOTE_CREDENTIALS_FILE=$UNKG_REMOTE_CREDENTIALS_FILE
ENV
echo "$DIR/env"
