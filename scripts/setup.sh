#!/usr/bin/env bash
# Installs everything the planner and its tests need on a fresh Debian/Ubuntu machine:
# Debian's Chromium (for the browser and end-to-end tests; never a browser download) and the
# locked npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js: what Vite 8 and ESLint 10 need (package.json "engines"): 20.19 or later on the 20 line,
# else 22.13 or later. npm: 7 or later reads the lockfile (lockfileVersion 3); the npm 10 that
# ships with Node 20 and 22 is fine.
if ! command -v node >/dev/null 2>&1; then
  echo "setup: Node.js is not installed; install Node.js 20.19+ or 22.13+ (with its npm)" >&2
  exit 1
fi
NODE_VERSION="$(node -p 'process.versions.node')"
if ! node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit((major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 23 ? 0 : 1);
'; then
  echo "setup: Node.js $NODE_VERSION is too old; this project needs Node.js 20.19+ or 22.13+" >&2
  exit 1
fi
NPM_VERSION="$(npm --version 2>/dev/null || echo 0)"
if [ "${NPM_VERSION%%.*}" -lt 7 ]; then
  echo "setup: npm $NPM_VERSION is too old to read package-lock.json (lockfileVersion 3): use npm 7 or later" >&2
  exit 1
fi
echo "setup: Node.js $NODE_VERSION, npm $NPM_VERSION"

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
