#!/usr/bin/env bash
# Headless Chromium (Debian package) for tests/test_browser.py. Idempotent and quiet:
# does nothing when /usr/bin/chromium is already there; fails (non-zero) if it cannot be installed.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-browser: need root or sudo to apt-get install chromium" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
