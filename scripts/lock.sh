#!/usr/bin/env bash
# Rebuild the lock files (every package, with hashes) from requirements.txt and
# requirements-dev.txt after changing a pin. Versions already installed and tested in .venv are
# kept where they still fit. scripts/setup.sh installs from the lock files; tests/test_lock.py
# checks that they agree with the requirements files.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q --disable-pip-version-check uv==0.9.5
# a fixed name: the lock files' comments name it, and stay the same from one rebuild to the next
tested=".venv/tested-versions.txt"
.venv/bin/python -m pip freeze --exclude-editable | grep -v '^uv==' > "$tested"
for name in requirements requirements-dev; do
  .venv/bin/uv pip compile "$name.txt" -c "$tested" --generate-hashes --universal --python-version 3.11 \
    --no-header -q -o "$name.lock"
done
echo "wrote requirements.lock and requirements-dev.lock"
