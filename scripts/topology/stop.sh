#!/usr/bin/env bash
# Stops what scripts/topology/start.sh DIR started (nginx, the two apps, Virtuoso).
set -uo pipefail
DIR="$1"
# shellcheck disable=SC1091
. "$DIR/env"
kill "$NGINX_PID" "$APP1_PID" "$APP2_PID" "$VIRTUOSO_PID" 2>/dev/null
exit 0
