#!/usr/bin/env bash
# Debian packages the test suites need, besides Samba (.ci/samba-dc.sh): Chromium and ChromeDriver for the browser
# suite, redis-server for the Redis suite (the tests start and stop their own Redis on a free loopback port), node
# and npm for the Node SDK suite (which fetches Auth0's SDK from the npm registry, pinned by its lock file), wrk and
# python3 for the benchmark (bench/run: the load generator, and the static file server it compares the portal with).
# Skipped when present. Needs root, as .ci/samba-dc.sh does.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v wrk >/dev/null || missing+=(wrk)
command -v python3 >/dev/null || missing+=(python3)
command -v taskset >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # the package scripts must not start the system's redis-server: the tests start their own, on loopback only
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
echo "[packages] $(/usr/bin/chromium --version 2>/dev/null); $(/usr/bin/chromedriver --version | cut -d' ' -f1-2); $(/usr/bin/redis-server --version | cut -d' ' -f1-3); node $(node --version); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); $(python3 --version)"
