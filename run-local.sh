#!/usr/bin/env bash
# Runs a whole group on this machine: the embedded broker on a free loopback port and N
# nodes against it, each output line prefixed with the node's name.
#
#   ./run-local.sh [N] [--events-dir DIR] [node options...]     N defaults to 4
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
  # Maven 3.8 prints stray colour reset codes even in batch mode, so its output shows only on failure.
  build_log=$(mktemp)
  if ! mvn -B -q -Dstyle.color=never -DskipTests package >"$build_log" 2>&1; then
    cat "$build_log"
    rm -f "$build_log"
    exit 1
  fi
  rm -f "$build_log"
fi

# The script itself takes --events-dir DIR: each node then writes DIR/nodeN.jsonl, ready for
# `java -jar target/node.jar report DIR/*.jsonl`. The broker takes only the node options' language.
broker_options=()
node_options=()
events_dir=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --events-dir) events_dir=${2:?"--events-dir needs a folder"}; shift 2; continue ;;
    --events-dir=*) events_dir=${1#--events-dir=} ;;
    --lang=*) broker_options=("$1"); node_options+=("$1") ;;
    --lang) broker_options=(--lang "${2:-}"); node_options+=("$1") ;;
    *) node_options+=("$1") ;;
  esac
  shift
done
if [[ -n $events_dir ]]; then
  mkdir -p "$events_dir"
  if compgen -G "$events_dir/node*.jsonl" >/dev/null; then
    echo "$events_dir already contains events files of an earlier run; choose an empty folder for --events-dir." >&2
    exit 2
  fi
fi

workdir=$(mktemp -d)
java -jar "$jar" broker --port 0 "${broker_options[@]}" >"$workdir/broker.log" 2>&1 &
broker_pid=$!
node_pids=()

# Ctrl-C sends every node SIGTERM, so it disconnects and prints its summary. The script then waits for them.
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
  events_option=()
  if [[ -n $events_dir ]]; then
    events_option=(--events "$events_dir/node$i.jsonl")
  fi
  java -jar "$jar" --nodes "$nodes" --broker "tcp://127.0.0.1:$port" "${events_option[@]}" "${node_options[@]}" \
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
