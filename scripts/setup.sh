#!/usr/bin/env bash
# Installs everything the planner and its tests need on a fresh Debian/Ubuntu machine:
# Debian's Chromium (for the browser and end-to-end tests; never a browser download) and the
# locked npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium (needed by the browser tests)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null || true

echo "setup: npm ci"
npm ci --no-audit --no-fund
