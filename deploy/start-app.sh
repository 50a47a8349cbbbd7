#!/usr/bin/env bash
# One Trigger Map app process for production, on PORT (and ADDRESS, default 127.0.0.1): the
# project's .streamlit/config.toml with deploy/streamlit.toml's settings over it. The local cluster
# (deploy/local-cluster.sh) and the container image (Dockerfile, compose.yaml) both start the app
# with this. The database is $TRIGGER_MAP_DB; every process of one site shares
# $STREAMLIT_SERVER_COOKIE_SECRET.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:?usage: deploy/start-app.sh PORT [ADDRESS]}"
address="${2:-127.0.0.1}"
python="${TRIGGER_MAP_PYTHON:-$root/.venv/bin/python}"
cd "$root"
mapfile -t flags < <("$python" deploy/cluster.py app-flags deploy/streamlit.toml)
[ "${#flags[@]}" -gt 0 ] || { echo "start-app: could not read deploy/streamlit.toml" >&2; exit 1; }
# the launcher (ui/serve.py): app.py, every page through its navigation, our own message when a page
# fails, and the map loaded before the first visitor
exec "$python" -m ui.serve --server.port "$port" --server.address "$address" "${flags[@]}"
