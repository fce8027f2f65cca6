"""Start the real Rasa server and action server for end-to-end tests, on free ports."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def trained_model() -> Path:
    """The model `make train` built (MODEL from the Makefile), else the newest one."""
    if os.environ.get("MODEL"):
        return ROOT / os.environ["MODEL"]
    models = sorted((ROOT / "models").glob("intake-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise RuntimeError("no trained model: run `make train`")
    return models[-1]


class Server:
    def __init__(self, name: str, command: list[str], health_url: str, log: Path, env: dict):
        self.name, self.command, self.health_url, self.log_path = name, command, health_url, log
        self.env = env
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 180) -> None:
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(self.health_url, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} did not start in {timeout}s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


ACTION_TOKEN = "e2e-action-token"


def action_server(port: int, database_url: str, log: Path) -> Server:
    env = {
        **os.environ,
        "ENVIRONMENT": os.environ.get("ENVIRONMENT", "test"),  # unset would be production
        "DATABASE_URL": database_url,
        "ACTION_SERVER_TOKEN": ACTION_TOKEN,
    }
    command = [str(ROOT / ".venv/bin/python"), "-m", "actions.server", "-p", str(port)]
    return Server("action server", command, f"http://127.0.0.1:{port}/health", log, env)


def rasa_server(
    port: int,
    action_port: int,
    workdir: Path,
    token: str,
    log: Path,
    stores: dict[str, str] | None = None,
) -> Server:
    """Rasa on `port`, its actions on `action_port`. Its tracker store is SQLite in `workdir`;
    with `stores` (the variables scripts/rasa_env.py derives), bot/endpoints.yml's own tracker
    store and lock store, read from those variables as `make run` reads them."""
    endpoints = workdir / "endpoints.yml"
    if stores is None:
        endpoints.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
            f'  headers:\n    X-Action-Token: "{ACTION_TOKEN}"\n'
            f'tracker_store:\n  type: bot.redacting_tracker_store.RedactingSQLTrackerStore\n  dialect: "sqlite"\n  db: "{workdir / "tracker.db"}"\n'
        )
        env = {**os.environ}
    else:
        text = (ROOT / "bot/endpoints.yml").read_text(encoding="utf-8")
        text = text.replace("127.0.0.1:5055/webhook", f"127.0.0.1:{action_port}/webhook", 1)
        endpoints.write_text(text)
        env = {**os.environ, **stores, "ACTION_SERVER_TOKEN": ACTION_TOKEN}
    command = [
        str(ROOT / ".venv-rasa/bin/rasa"),
        "run",
        "--model",
        str(trained_model()),
        "--enable-api",
        "--auth-token",
        token,
        "-i",
        "127.0.0.1",
        "-p",
        str(port),
        "--endpoints",
        str(endpoints),
        "--credentials",
        str(ROOT / "bot/credentials.yml"),
    ]
    health = f"http://127.0.0.1:{port}/status?token={token}"
    return Server("rasa", command, health, log, env)


def api_server(port: int, database_url: str, log: Path, **env_extra: str) -> Server:
    """The FastAPI app under uvicorn (one process, its worker pool: requests run at once)."""
    env = {
        **os.environ,
        "ENVIRONMENT": os.environ.get("ENVIRONMENT", "test"),
        "DATABASE_URL": database_url,
        "CHANNEL_WORKERS": "false",
        **env_extra,
    }
    command = [
        str(ROOT / ".venv/bin/uvicorn"),
        "--factory",
        "api.main:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    # /healthz also asks Rasa; the staff login page answers as soon as the app is up
    return Server("api", command, f"http://127.0.0.1:{port}/staff/login", log, env)
