#!/usr/bin/env bash
# Federation with real clients: Apache Jena ARQ, Python rdflib and roqet (Rasqal), as shipped
# by Debian, use the service as a SPARQL 1.1 SERVICE target over the seed data.
#
#   npm run federation        (or: bash scripts/federation/run.sh)
#
# Needs: apt-get install -y --no-install-recommends default-jre-headless libapache-jena-java \
#        python3-rdflib rasqal-utils
#
# Starts the service (src/server.ts under tsx: seed graph, ontology and reference data, read
# only) on 127.0.0.1 with a port the system picks, waits for /health, runs the queries of
# queries/*.rq with each client (the bind join over the local watchlist.ttl), counts the
# SPARQL requests the service logs for each run, and lets checkFederation.ts compare every
# answer with the endpoint's own. Prints one PASS/FAIL line per client and `N passed,
# M failed`; exits non-zero on any failure. The service is always stopped (trap).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/scripts/federation"
WORK="$ROOT/var/federation"
STARTUP_TIMEOUT_S=90
CLIENT_TIMEOUT_S=60
CLIENTS=(jena-arq rdflib roqet)
QUERIES=(citing-paragraphs bind-join count-citing)

cd "$ROOT"
rm -rf "$WORK/out" "$WORK/queries" "$WORK/server.log"
mkdir -p "$WORK/queries" "${CLIENTS[@]/#/$WORK/out/}"

server_pid=
stop_service() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_service EXIT
trap 'exit 130' INT TERM

# ---- the service -----------------------------------------------------------------------
env -u UNKG_WRITE_TOKEN -u UNKG_PUBLIC_URL UNKG_LOG_LEVEL=debug UNKG_LOG_FORMAT=json UNKG_JOURNAL=none UNKG_HOST=127.0.0.1 UNKG_PORT=0 UNKG_WORKERS=1 \
  node --import tsx src/server.ts >"$WORK/server.log" 2>&1 &
server_pid=$!

base=
for _ in $(seq $((STARTUP_TIMEOUT_S * 4))); do
  base=$(grep -o '"msg":"Server listening at http://127\.0\.0\.1:[0-9]*' "$WORK/server.log" | head -n1 | sed 's/.*listening at //') || true
  [ -n "$base" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "The service did not start:" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
  sleep 0.25
done
if [ -z "$base" ]; then
  echo "The service did not listen within ${STARTUP_TIMEOUT_S} s" >&2
  exit 1
fi
if ! node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$base/health"; then
  echo "The service at $base does not answer /health" >&2
  exit 1
fi
endpoint="$base/sparql"
echo "Service at $endpoint"

for query in "${QUERIES[@]}"; do
  sed "s|{{ENDPOINT}}|$endpoint|g" "$HERE/queries/$query.rq" >"$WORK/queries/$query.rq"
done

# ---- the clients -----------------------------------------------------------------------
# SPARQL requests the service has answered so far (one log line each at debug level).
sparql_requests() {
  grep '"msg":"request answered"' "$WORK/server.log" | grep -c '"url":"/sparql' || true
}

# run_client <client> <query> <command...>: runs one client on one query, keeping its TSV
# output, exit status, stderr and the number of requests the service received meanwhile.
run_client() {
  local client=$1 query=$2 out="$WORK/out/$1/$2" before status=0
  shift 2
  before=$(sparql_requests)
  timeout "$CLIENT_TIMEOUT_S" "$@" >"$out.tsv" 2>"$out.stderr" || status=$?
  echo "$status" >"$out.status"
  echo $(($(sparql_requests) - before)) >"$out.requests"
}

# A client that cannot run fails each of its queries with the reason.
unavailable() {
  local client=$1 reason=$2 query
  for query in "${QUERIES[@]}"; do
    echo 127 >"$WORK/out/$client/$query.status"
    echo "$reason" >"$WORK/out/$client/$query.stderr"
  done
}

data_for() { [ "$1" = bind-join ] && echo "$HERE/watchlist.ttl" || true; }

# Apache Jena ARQ
# shellcheck source=jena-classpath.sh
. "$HERE/jena-classpath.sh"
if command -v java >/dev/null && jena_classpath "$WORK" 2>"$WORK/out/jena-arq/classpath.stderr"; then
  for query in "${QUERIES[@]}"; do
    data=$(data_for "$query")
    run_client jena-arq "$query" java -cp "$JENA_CP" arq.sparql ${data:+--data "$data"} --query "$WORK/queries/$query.rq" --results=TSV
  done
else
  unavailable jena-arq "Java or Apache Jena is missing: $(cat "$WORK/out/jena-arq/classpath.stderr" 2>/dev/null)"
fi

# Python rdflib: Debian's python3 (a python3 earlier on PATH may not see its packages).
if /usr/bin/python3 -c 'import rdflib' 2>/dev/null; then
  for query in "${QUERIES[@]}"; do
    data=$(data_for "$query")
    run_client rdflib "$query" /usr/bin/python3 "$HERE/rdflib_service.py" "$WORK/queries/$query.rq" ${data:+"$data"}
  done
else
  unavailable rdflib "/usr/bin/python3 cannot import rdflib (apt-get install python3-rdflib)"
fi

# roqet evaluates SERVICE itself; -D gives it the local data (the watch list).
if command -v roqet >/dev/null; then
  for query in "${QUERIES[@]}"; do
    run_client roqet "$query" roqet -q -W 0 -r tsv -D "$HERE/watchlist.ttl" "$WORK/queries/$query.rq"
  done
else
  unavailable roqet "roqet is missing (apt-get install rasqal-utils)"
fi

# ---- the verdict -----------------------------------------------------------------------
node --import tsx "$HERE/checkFederation.ts" "$WORK" "$endpoint"
