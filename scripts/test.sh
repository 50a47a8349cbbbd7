#!/usr/bin/env bash
# The test command: installs what the tests need (Chromium included), then runs every test,
# browser tests too. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
exec .venv/bin/python -m pytest "$@"
