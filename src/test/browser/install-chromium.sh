#!/usr/bin/env bash
# The browser for WebClientIT: Debian's chromium and chromedriver (nothing downloads a browser).
# `./mvnw verify` runs this before the integration tests (pom.xml, exec "browser"). It does nothing
# when /usr/bin/chromium and /usr/bin/chromedriver exist; otherwise it installs Debian's packages
# `chromium chromium-driver` with apt-get, as root or through sudo, and fails loudly if it cannot:
# a missing browser must fail the build, never skip the test.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

fail() {
  echo "install-chromium.sh: $*" >&2
  echo "install-chromium.sh: WebClientIT needs /usr/bin/chromium and /usr/bin/chromedriver;" \
       "install them (Debian: apt-get install chromium chromium-driver) and run the build again." >&2
  exit 1
}

command -v apt-get >/dev/null || fail "apt-get not found: this is not a Debian-like system."
if [ "$(id -u)" = 0 ]; then
  as_root() { "$@"; }
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root() { sudo -n "$@"; }
else
  fail "not root, and sudo is missing or asks for a password."
fi

echo "install-chromium.sh: installing Debian's chromium and chromium-driver (once per machine)"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
  || fail "apt-get update failed."
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
  || fail "apt-get install chromium chromium-driver failed."
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
  || fail "the packages installed, but /usr/bin/chromium or /usr/bin/chromedriver is still missing."
echo "install-chromium.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), $(/usr/bin/chromedriver --version 2>/dev/null | head -n1)"
