#!/usr/bin/env bash
# Everything Trigger Map needs on a fresh machine: a virtual environment with the pinned
# packages, and (for the browser tests and image export) Debian's Chromium, and (for the visits
# store's and the cluster's tests) Debian's PostgreSQL and nginx. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
want_browser="${1:-}"

# The browser tests run Chromium's headless shell (the build Playwright uses for headless runs,
# lighter than the full browser); the benchmarks and screenshots the full browser.
if [ "$want_browser" = "--browser" ] && { ! command -v chromium >/dev/null 2>&1 || ! command -v chromium-headless-shell >/dev/null 2>&1; }; then
  echo "Installing Chromium and its headless shell (Debian packages) for the browser tests..."
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-headless-shell >/dev/null
fi

# The visits store's tests run on a real PostgreSQL too (Debian's package; the tests start their own
# server in a temporary folder, so the package's own cluster is not needed).
if [ "$want_browser" = "--browser" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL (Debian package) for the visits store's tests..."
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi

# The cluster's tests (tests/test_cluster.py, tests/test_deploy_files.py) run Debian's nginx in front
# of the app processes, as deploy/local-cluster.sh does.
if [ "$want_browser" = "--browser" ] && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx (Debian package) for the cluster's tests..."
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nginx >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
# the lock files: every package pinned with its hashes (scripts/lock.sh rebuilds them)
if [ "$want_browser" = "--browser" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements-dev.lock
else
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
fi
# trigger_map and ui importable from anywhere (tests, benchmarks, tools): no sys.path edits
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e . 2>/dev/null \
  || .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
