#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests exists. Uses $CHROMIUM_PATH or /usr/bin/chromium;
# installs Debian's chromium when apt-get is available as root; otherwise explains and fails.
set -euo pipefail
bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$bin" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Chromium not found at $bin: installing Debian's chromium package (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
  [ -x "$bin" ] && exit 0
fi
echo "Browser tests need Chromium: install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
