#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the browser suite (skipped when present). Needs root, as .ci/samba-dc.sh does.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium chromium-driver >/dev/null
echo "[browser] $(/usr/bin/chromium --version 2>/dev/null) and $(/usr/bin/chromedriver --version | cut -d' ' -f1-2) installed"
