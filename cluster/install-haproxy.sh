#!/usr/bin/env bash
# The load balancer in front of a local cluster (cluster/run-local.sh, ClusterIT): Debian's haproxy.
# Does nothing when haproxy is on the PATH; otherwise installs Debian's package with apt-get, as root
# or through sudo, and fails loudly if it cannot.
set -euo pipefail

if command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ]; then
  exit 0
fi

fail() {
  echo "install-haproxy.sh: $*" >&2
  echo "install-haproxy.sh: the cluster needs haproxy (Debian: apt-get install haproxy)." >&2
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

echo "install-haproxy.sh: installing Debian's haproxy (once per machine)"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "apt-get update failed."
# the package's service is not wanted: the cluster starts its own haproxy with cluster/haproxy.cfg
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy \
  || fail "apt-get install haproxy failed."
[ -x /usr/sbin/haproxy ] || fail "the package installed, but /usr/sbin/haproxy is missing."
echo "install-haproxy.sh: $(/usr/sbin/haproxy -v | head -n1)"
