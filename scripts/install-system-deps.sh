#!/usr/bin/env bash
# Debian packages the tests use as real peers: Chromium for the browser tests, Graphviz and
# networkx to read the graph exports back, Apache Jena ARQ, Python rdflib and roqet as
# federating SPARQL clients, libxml2's xmllint to check the Akoma Ntoso output, Virtuoso as the
# remote store and nginx in front of replicas (both run as private processes on loopback by the
# tests; their system services are stopped). Needs root (or sudo); does nothing when all are installed.
set -euo pipefail
PACKAGES=(chromium graphviz python3-networkx default-jre-headless libapache-jena-java python3-rdflib rasqal-utils libxml2-utils virtuoso-opensource nginx)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${PACKAGES[*]})"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
# The packages start system-wide services on install; the tests start their own instances.
for service in virtuoso-opensource-7 nginx; do
  if printf '%s\n' "${missing[@]}" | grep -q "^${service%%-7}"; then $SUDO invoke-rc.d "$service" stop >/dev/null 2>&1 || true; fi
done
