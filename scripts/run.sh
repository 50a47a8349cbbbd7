#!/usr/bin/env bash
# The run command: installs what the app needs, then starts it on http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run app.py "$@"
