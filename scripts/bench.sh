#!/usr/bin/env bash
# The speed benchmark from a fresh checkout: installs what it needs (the pinned packages and
# Chromium, as the test command does), then runs benchmarks/run.py. Extra arguments go to it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
exec .venv/bin/python benchmarks/run.py "$@"
