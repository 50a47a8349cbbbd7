#!/usr/bin/env bash
# nginx in front of the app processes, in the foreground (a container's main process):
# deploy/nginx.conf filled in by deploy/cluster.py (the renderer the local cluster uses), its pid,
# logs and temporary files in RUN_DIR, so it runs as an unprivileged user.
#   bash deploy/start-nginx.sh LISTEN RUN_DIR UPSTREAM...
#   bash deploy/start-nginx.sh 0.0.0.0:8080 /tmp/nginx app1:8501 app2:8501 app3:8501
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ "$#" -ge 3 ] || { echo "usage: deploy/start-nginx.sh LISTEN RUN_DIR UPSTREAM..." >&2; exit 2; }
listen="$1"; run_dir="$2"; shift 2
python="${TRIGGER_MAP_PYTHON:-$root/.venv/bin/python}"
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
mkdir -p "$run_dir/tmp"
"$python" "$root/deploy/cluster.py" render-nginx --listen "$listen" --run-dir "$run_dir" "$@" > "$run_dir/nginx.conf"
"$nginx" -t -q -p "$run_dir" -e "$run_dir/nginx-error.log" -c "$run_dir/nginx.conf"
# The error log goes to the container's output too.
ln -sf /dev/stderr "$run_dir/nginx-error.log"
exec "$nginx" -p "$run_dir" -e "$run_dir/nginx-error.log" -c "$run_dir/nginx.conf"
