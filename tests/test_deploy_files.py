"""The deployment files agree: the container set-up (Dockerfile, compose.yaml) starts the app and
nginx with the same files as the local cluster (deploy/), the production settings are options
Streamlit knows, and the nginx start used by the containers works here with Debian's nginx."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from streamlit import config as streamlit_config

from deploy import cluster  # deploy/cluster.py (the repository's root is on pytest's pythonpath)

ROOT = Path(__file__).resolve().parents[1]

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
APPS = [name for name, service in COMPOSE["services"].items() if re.fullmatch(r"app\d+", name)]


def dockerfile_instruction(name: str) -> list[str]:
    """Each instruction's text (continuation lines joined)."""
    joined = DOCKERFILE.replace("\\\n", " ")
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(name + " ")]


def test_the_local_cluster_uses_the_deploy_files():
    assert cluster.TEMPLATE == ROOT / "deploy" / "nginx.conf"
    assert cluster.START_APP == ROOT / "deploy" / "start-app.sh"
    start_app = (ROOT / "deploy" / "start-app.sh").read_text()
    assert "deploy/cluster.py app-flags deploy/streamlit.toml" in start_app
    assert "-m ui.serve" in start_app  # the launcher every start of the app goes through


def test_compose_runs_the_same_start_command_as_the_cluster_and_the_image():
    assert len(APPS) == 3
    image_cmd = json.loads(dockerfile_instruction("CMD")[0])  # the exec (JSON) form
    for name in APPS:
        service = COMPOSE["services"][name]
        assert service["command"] == ["bash", "deploy/start-app.sh", "8501", "0.0.0.0"] == image_cmd
        assert service["environment"]["TRIGGER_MAP_DB"].startswith("postgresql+psycopg://")
        assert "@db:5432/" in service["environment"]["TRIGGER_MAP_DB"]
        assert "STREAMLIT_SERVER_COOKIE_SECRET" in service["environment"]
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    migrate = COMPOSE["services"]["migrate"]
    assert migrate["command"][-3:] == ["trigger_map", "db", "upgrade"]
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"


def test_compose_nginx_fills_the_same_template_for_every_app_process():
    nginx = COMPOSE["services"]["nginx"]
    command = nginx["command"]
    assert command[:2] == ["bash", "deploy/start-nginx.sh"]
    assert command[4:] == [f"{name}:8501" for name in APPS]  # every app process, and only those
    start_nginx = (ROOT / "deploy" / "start-nginx.sh").read_text()
    assert 'deploy/cluster.py" render-nginx' in start_nginx  # the renderer of deploy/nginx.conf
    listen_port = command[2].rsplit(":", 1)[1]
    assert nginx["ports"] == [f"{listen_port}:{listen_port}"]
    assert all(nginx["depends_on"][name]["condition"] == "service_healthy" for name in APPS)


def test_compose_builds_our_image_and_never_pulls_it():
    ours = {
        name: service for name, service in COMPOSE["services"].items() if service.get("image") == "trigger-map:latest"
    }
    assert set(APPS) | {"migrate", "nginx"} <= set(ours)
    assert all(service.get("build") == "." for service in ours.values())


def test_compose_keeps_the_database_in_a_volume():
    db = COMPOSE["services"]["db"]
    volume = db["volumes"][0].split(":")
    assert volume[0] in COMPOSE["volumes"] and volume[1] == "/var/lib/postgresql/data"
    assert "pg_isready" in db["healthcheck"]["test"]


def test_the_image_installs_the_locked_packages():
    (run,) = [line for line in dockerfile_instruction("RUN") if "pip install" in line]
    assert "--require-hashes -r requirements.lock" in run
    assert "requirements.lock" in dockerfile_instruction("COPY")[0]


def test_the_image_runs_unprivileged_with_a_health_check():
    users = dockerfile_instruction("USER")
    assert users and users[-1] not in ("root", "0")
    assert DOCKERFILE.index("USER ") < DOCKERFILE.index("CMD ")
    (healthcheck,) = dockerfile_instruction("HEALTHCHECK")
    assert "127.0.0.1:8501/_stcore/health" in healthcheck


def test_the_image_gets_every_file_the_app_needs():
    """.dockerignore keeps out no file the start command, the app or the migrations read."""
    patterns = [
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip() and line[0] != "#"
    ]
    needed = [
        "app.py",
        "asgi.py",
        ".streamlit/config.toml",
        "deploy/start-app.sh",
        "deploy/streamlit.toml",
        "deploy/cluster.py",
        "deploy/nginx.conf",
        "deploy/start-nginx.sh",
        "requirements.lock",
        "ui/serve.py",
        "trigger_map/__main__.py",
        "trigger_map/migrations",
        "data/muscles.csv",
        "assets/body.svg",
        "ui/static/map.js",
        "pages/explorer.py",
        "content",
    ]
    for path in needed:
        assert (ROOT / path).exists(), path
        parts = Path(path).parts
        for pattern in patterns:
            assert not any(Path(*parts[: i + 1]).match(pattern.strip("/")) for i in range(len(parts))), (path, pattern)


def test_production_settings_are_options_streamlit_knows():
    flags = cluster.streamlit_flags(ROOT / "deploy" / "streamlit.toml")
    options = streamlit_config.get_config_options()
    settings = dict(flag[2:].split("=", 1) for flag in flags)
    assert set(settings) <= set(options), set(settings) - set(options)
    assert settings["client.showErrorDetails"] == "none"
    assert settings["server.enableXsrfProtection"] == "true"
    assert settings["browser.gatherUsageStats"] == "false"
    assert settings["server.headless"] == "true"
    assert int(settings["server.maxUploadSize"]) <= 5


def test_nginx_accepts_the_rendered_template(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "Debian's nginx is not installed (deploy/local-cluster.sh installs it)"
    conf = tmp_path / "nginx.conf"
    (tmp_path / "tmp").mkdir()
    conf.write_text(
        cluster.render_nginx(f"127.0.0.1:{_free_port()}", tmp_path, ["127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"])
    )
    text = conf.read_text()
    assert text.count("server 127.0.0.1:") == 3 and "@@" not in text
    checked = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ok(url: str, process: subprocess.Popen, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{process.args} exited with {process.returncode}"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.mark.cluster
def test_the_container_start_commands_work_here():
    """deploy/start-app.sh and deploy/start-nginx.sh as the containers run them (one app process),
    on loopback: the page comes through nginx with its route cookie."""
    run_dir = Path(tempfile.mkdtemp(prefix="trigger-map-start-"))
    app_port, nginx_port = _free_port(), _free_port()
    env = dict(os.environ, TRIGGER_MAP_DB=f"sqlite:///{run_dir}/visits.sqlite3")
    app = subprocess.Popen(
        ["bash", "deploy/start-app.sh", str(app_port)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    proxy = subprocess.Popen(
        ["bash", "deploy/start-nginx.sh", f"127.0.0.1:{nginx_port}", str(run_dir / "nginx"), f"127.0.0.1:{app_port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        assert _wait_ok(f"http://127.0.0.1:{app_port}/_stcore/health", app) == "ok"
        assert _wait_ok(f"http://127.0.0.1:{nginx_port}/_stcore/health", proxy) == "ok"
        with urllib.request.urlopen(f"http://127.0.0.1:{nginx_port}/", timeout=10) as response:
            assert response.headers["Set-Cookie"].startswith("tm_route=")
            assert "<html" in response.read().decode().lower()
        # the app process was given the production settings
        cmdline = Path(f"/proc/{app.pid}/cmdline").read_bytes().decode().split("\0")
        assert "--client.showErrorDetails=none" in cmdline, shlex.join(cmdline)
    finally:
        for process in (proxy, app):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=20)
        shutil.rmtree(run_dir, ignore_errors=True)
