#!/usr/bin/env bash
# The run command: installs what the app needs, then starts it on http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# the launcher (ui/serve.py): every page through app.py's navigation, the map loaded before the first visit
exec .venv/bin/python -m ui.serve "$@"
