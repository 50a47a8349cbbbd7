#!/usr/bin/env bash
# Trigger Map as a clinic runs it, on this machine and on loopback only: a temporary PostgreSQL,
# N app processes and nginx in front with sticky sessions. No Docker needed.
#
#   bash deploy/local-cluster.sh up --replicas 3 --port 8600   # prints one line of JSON when all answer
#   bash deploy/local-cluster.sh status
#   bash deploy/local-cluster.sh down                          # stops everything `up` started, by pid
#
# State, logs and the database live in $TRIGGER_MAP_CLUSTER_DIR (default /tmp/trigger-map-cluster),
# or --dir D. Installs Debian's nginx and postgresql when missing (as root, or through sudo), and
# the app's packages (scripts/setup.sh) on first use. Details: deploy/cluster.py, docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "up" ]; then
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "local-cluster: installing ${missing[*]} (Debian packages)..." >&2
    $sudo_cmd apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # As root, the cluster's processes run as an unprivileged user of their own.
  if [ "$(id -u)" = 0 ] && ! id trigger-map >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin trigger-map
  fi
  [ -x .venv/bin/python ] || bash scripts/setup.sh >&2
fi
[ -x .venv/bin/python ] || { echo "local-cluster: no .venv here; run: bash deploy/local-cluster.sh up" >&2; exit 2; }
exec .venv/bin/python deploy/cluster.py "$@"
