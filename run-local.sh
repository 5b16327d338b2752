#!/usr/bin/env bash
# Runs a whole group on this machine: the embedded broker on a free loopback port and N
# nodes against it, each output line prefixed with the node's name.
#
#   ./run-local.sh [N] [node options...]     N defaults to 4
#
# Extra options go to every node (for example --rounds 3 --lang pt). Ctrl-C stops
# everything. Exits 0 when every node exited 0, which a node also does on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

nodes=4
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
  nodes=$1
  shift
fi
jar=target/node.jar

if [[ ! -f $jar || -n $(find src pom.xml -newer "$jar" -print -quit) ]]; then
  echo "Building $jar..."
  mvn -B -q -Dstyle.color=never -DskipTests package
fi

# The broker takes only the language of the node options.
broker_options=()
for ((i = 1; i <= $#; i++)); do
  case ${!i} in
    --lang=*) broker_options=("${!i}") ;;
    --lang) j=$((i + 1)); broker_options=(--lang "${!j:-}") ;;
  esac
done

workdir=$(mktemp -d)
java -jar "$jar" broker --port 0 "${broker_options[@]}" >"$workdir/broker.log" 2>&1 &
broker_pid=$!
node_pids=()

# Ctrl-C asks every node to disconnect and print its summary; the script then waits for them.
stop_nodes() {
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
}
trap stop_nodes INT TERM

# The broker prints the address it listens on; wait up to 30 s for it.
port=""
for _ in $(seq 1 300); do
  port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$workdir/broker.log" | head -n 1 | cut -d: -f2 || true)
  [[ -n $port ]] && break
  if ! kill -0 "$broker_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [[ -z $port ]]; then
  kill -TERM "$broker_pid" 2>/dev/null || true
  echo "The embedded broker did not start:" >&2
  cat "$workdir/broker.log" >&2
  exit 1
fi
sed 's/^/[broker] /' "$workdir/broker.log"

for i in $(seq 1 "$nodes"); do
  java -jar "$jar" --nodes "$nodes" --broker "tcp://127.0.0.1:$port" "$@" \
    > >(trap '' INT; sed -u "s/^/[node$i] /") 2>&1 &
  node_pids+=($!)
done

status=0
for pid in "${node_pids[@]}"; do
  # A trapped signal interrupts wait while the node still runs, so wait again until it exits.
  while true; do
    code=0
    wait "$pid" || code=$?
    kill -0 "$pid" 2>/dev/null || break
  done
  if [[ $code -ne 0 ]]; then status=1; fi
done
kill -TERM "$broker_pid" 2>/dev/null || true
wait "$broker_pid" 2>/dev/null || true
rm -rf "$workdir"
exit "$status"
