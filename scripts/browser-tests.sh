#!/bin/sh
# The browser tests (tests/browser): the explorer, the SPARQL query editor and a resource page
# in Debian's chromium, driven by playwright-core. Screenshots go to test-artifacts/screenshots/.
# Needs: apt-get install -y --no-install-recommends chromium
set -eu
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "browser tests: /usr/bin/chromium is missing (apt-get install -y --no-install-recommends chromium)" >&2
  exit 1
fi
exec npx jest --runInBand tests/browser "$@"
