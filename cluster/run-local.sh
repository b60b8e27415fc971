#!/usr/bin/env bash
# A local 3-node chat cluster on one PostgreSQL, behind HAProxy, in the foreground (Ctrl+C stops it all).
#
#   ./mvnw -Pcluster package        (builds, then runs this script)
#
# Browsers and clients use the balancer only: http://127.0.0.1:8000/ (pages and REST) and
# ws://127.0.0.1:8000/stomp. Each node is a Payara Micro with its own ports and data directory
# (target/cluster/node-N: broker journal, server.log); they share the database chat_cluster on
# 127.0.0.1:5432 (user postgres, trust; made here if missing). Settings, all optional:
#   CHAT_CLUSTER_DB_URL   jdbc:postgresql://127.0.0.1:5432/chat_cluster
#   CHAT_CLUSTER_DB_USER  postgres        CHAT_CLUSTER_DB_PASSWORD  (empty)
#   CHAT_BALANCER_PORT    8000            CHAT_CLUSTER_PASSWORD     (random per start)
# Node N listens on HTTP 8080+N, STOMP 61614+N and the cluster port 61700+N (127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

for f in target/chat.war target/chat-ra.rar target/payara-micro.jar target/payara/preboot.txt target/payara/postboot.txt; do
  [ -f "$f" ] || { echo "run-local.sh: $f is missing: build first (./mvnw -Pcluster package does both)" >&2; exit 1; }
done
bash cluster/install-haproxy.sh
haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)

db_url=${CHAT_CLUSTER_DB_URL:-jdbc:postgresql://127.0.0.1:5432/chat_cluster}
db_user=${CHAT_CLUSTER_DB_USER:-postgres}
db_password=${CHAT_CLUSTER_DB_PASSWORD:-}
if [ -z "${CHAT_CLUSTER_DB_URL:-}" ]; then
  command -v psql >/dev/null || { echo "run-local.sh: psql is missing (Debian: postgresql-client), or set CHAT_CLUSTER_DB_URL" >&2; exit 1; }
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'chat_cluster'" | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database chat_cluster"
  fi
fi
password=${CHAT_CLUSTER_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
balancer_port=${CHAT_BALANCER_PORT:-8000}
nodes="127.0.0.1:61701,127.0.0.1:61702,127.0.0.1:61703"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "run-local.sh: stopping the balancer and the nodes"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

start_node() {
  local n=$1 dir="$root/target/cluster/node-$1"
  mkdir -p "$dir"
  java -Xmx512m \
    -Dchat.data.dir="$dir" -Dchat.broker.name="chat-node-$n" \
    -Dchat.stomp.port=$((61614 + n)) \
    -Dchat.cluster.nodes="$nodes" -Dchat.cluster.port=$((61700 + n)) -Dchat.cluster.password="$password" \
    -Dchat.db.url="$db_url" -Dchat.db.user="$db_user" -Dchat.db.password="$db_password" \
    -Dchat.web.stomp-url="ws://127.0.0.1:$balancer_port/stomp" -Dchat.trusted-proxies=127.0.0.1 \
    -jar target/payara-micro.jar --nocluster --nohazelcast --port $((8080 + n)) \
    --prebootcommandfile target/payara/preboot.txt --postbootcommandfile target/payara/postboot.txt \
    --deploy target/chat.war --contextroot / >>"$dir/server.log" 2>&1 &
  pids+=($!)
  echo "run-local.sh: node $n (pid $!): http://127.0.0.1:$((8080 + n))/ ws://127.0.0.1:$((61614 + n))/stomp, log $dir/server.log"
}

# the first node alone first: it runs the schema migrations the others then find done
start_node 1
wait_healthy() {
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:$((8080 + $1))/health" && return 0
    kill -0 "${pids[$(($1 - 1))]}" 2>/dev/null || { echo "run-local.sh: node $1 exited; see target/cluster/node-$1/server.log" >&2; exit 1; }
    sleep 1
  done
  echo "run-local.sh: node $1 not healthy after 4 minutes; see target/cluster/node-$1/server.log" >&2
  exit 1
}
wait_healthy 1
start_node 2
start_node 3

export CHAT_BALANCER_BIND="127.0.0.1:$balancer_port"
for n in 1 2 3; do
  export CHAT_NODE${n}_HOST=127.0.0.1 CHAT_NODE${n}_HTTP=$((8080 + n)) CHAT_NODE${n}_STOMP=$((61614 + n))
done
"$haproxy" -W -db -f cluster/haproxy.cfg >>"$root/target/cluster/haproxy.log" 2>&1 &
balancer=$!
pids+=($balancer)
wait_healthy 2
wait_healthy 3
echo "run-local.sh: the cluster is up: http://127.0.0.1:$balancer_port/ (Ctrl+C stops it)"
# a node that dies (kill -9 it to see its clients move) is the balancer's business, not a reason to stop
wait "$balancer" || true
echo "run-local.sh: the balancer exited; see target/cluster/haproxy.log" >&2
