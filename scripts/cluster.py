"""`make run-cluster`: the scale-out deployment modelled on one machine, on loopback.

    .venv/bin/python scripts/cluster.py [--port 8000] [--rasa 2] [--api 2] [--senders 2]

Starts, under var/cluster/ (logs there too): a throw-away PostgreSQL cluster (`initdb`,
`pg_ctl`: tests/stores.py) with the app's database `intake` and Rasa's `intake_tracker`;
`redis-server` on a free port (Rasa's lock store); the action server; two Rasa servers, both
on that tracker store and lock store (scripts/rasa_env.py); two API processes under uvicorn,
each with its outbox sender and replay loop, told every Rasa server (RASA_URLS); two more
outbox senders (`intake outbox run`); and nginx in front of the API processes, its
configuration rendered from deploy/nginx/cluster.conf.in into var/cluster/nginx.conf. Only
nginx's port is fixed (--port); the rest take free ports of 127.0.0.1. Ctrl-C stops all.

A small supervisor rather than a Procfile under honcho: the throw-away servers must be
made first (a PostgreSQL cluster owned by `postgres`, databases, migrations) and their free
ports handed to the rest, which a Procfile's fixed command lines cannot do; bench/cluster.py
and tests/e2e/test_cluster.py drive the same `Cluster` and SIGKILL and restart single
processes of it; and it adds no dependency (tests/servers.py and tests/stores.py already
start each kind of process).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.servers import Server, action_server, free_port, rasa_server  # noqa: E402
from tests.stores import PostgresServer, RedisServer, missing, rasa_store_variables  # noqa: E402

FOLDER = ROOT / "var" / "cluster"
TEMPLATE = ROOT / "deploy" / "nginx" / "cluster.conf.in"
DATABASE = "intake"
RASA_TOKEN = "cluster-rasa-token"
START_TIMEOUT = 300  # two Rasa servers loading their model at once on a small machine


def nginx_bin() -> str | None:
    """nginx (Debian's package puts it in /usr/sbin, off a user's PATH)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    return found


def missing_binaries() -> list[str]:
    """What the cluster needs and this machine lacks (Debian package names)."""
    return missing() + ([] if nginx_bin() else ["nginx"])


@dataclass
class ClusterConfig:
    folder: Path = FOLDER
    port: int | None = None  # nginx's; None: a free one
    rasa: int = 2
    api: int = 2
    senders: int = 2  # outbox senders besides the API processes' own
    environment: str = "development"
    public_base_url: str | None = None  # what Twilio signs; default: nginx's URL
    env: dict[str, str] = field(default_factory=dict)  # more for the API and the senders


class Background(Server):
    """A process without an HTTP port (an outbox sender): up when it is still running a
    moment after it started."""

    def start(self, timeout: float = 5) -> None:
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        time.sleep(1)
        if self.process.poll() is not None:
            raise RuntimeError(f"{self.name} exited: {self.log_path.read_text()[-3000:]}")


class Cluster:
    """The processes of the model deployment; `servers` by name: actions, rasa1, rasa2 …,
    api1, api2 …, sender1 …, nginx."""

    def __init__(self, config: ClusterConfig):
        self.config = config
        self.folder = config.folder
        self.port = config.port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.postgres: PostgresServer | None = None
        self.redis: RedisServer | None = None
        self.servers: dict[str, Server] = {}
        self.database_url = ""
        self.rasa_urls: list[str] = []

    # -- starting ------------------------------------------------------------------------

    def start(self) -> Cluster:
        lacking = missing_binaries()
        if lacking:
            raise RuntimeError(f"not installed: {', '.join(lacking)} (Debian packages)")
        _stop_stale(self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        try:
            self._start_stores()
            self._define_servers()
            self._start_all()
        except BaseException:
            self.stop()
            raise
        return self

    def _start_stores(self) -> None:
        from cases.migrations import migrate
        from core.database import make_engine

        self.postgres = PostgresServer(self.folder / "postgres").start()
        # Rasa's database made here: two Rasa servers starting at once would both create it.
        for database in (DATABASE, f"{DATABASE}_tracker"):
            self.postgres.execute(f"CREATE DATABASE {database}")
        self.database_url = self.postgres.url(DATABASE)
        engine = make_engine(self.database_url)
        migrate(engine)
        engine.dispose()
        self.redis = RedisServer(self.folder / "redis").start()

    def _define_servers(self) -> None:
        folder, config = self.folder, self.config
        os.environ.setdefault("ENVIRONMENT", config.environment)  # the action server's
        action_port = free_port()
        self.servers["actions"] = action_server(
            action_port, self.database_url, folder / "actions.log"
        )
        stores = rasa_store_variables(DATABASE_URL=self.database_url, REDIS_URL=self.redis.url)
        for n in range(1, config.rasa + 1):
            port, workdir = free_port(), folder / f"rasa{n}"
            workdir.mkdir()
            self.servers[f"rasa{n}"] = rasa_server(
                port, action_port, workdir, RASA_TOKEN, folder / f"rasa{n}.log", stores
            )
            self.rasa_urls.append(f"http://127.0.0.1:{port}")
        env = {
            **os.environ,
            "ENVIRONMENT": config.environment,
            "DATABASE_URL": self.database_url,
            "RASA_URL": self.rasa_urls[0],
            "RASA_URLS": ",".join(self.rasa_urls),
            "RASA_TOKEN": RASA_TOKEN,
            "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}",
            "PUBLIC_BASE_URL": config.public_base_url or self.url,
            "TRUSTED_PROXIES": "127.0.0.1",
            "CHANNEL_WORKERS": "true",
            **config.env,
        }
        self.api_ports = []
        for n in range(1, config.api + 1):
            port = free_port()
            self.api_ports.append(port)
            command = [
                str(ROOT / ".venv/bin/uvicorn"),
                "--factory",
                "api.main:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ]
            # /healthz asks every Rasa server; the login page answers as soon as the app is up
            health = f"http://127.0.0.1:{port}/staff/login"
            self.servers[f"api{n}"] = Server(
                f"api{n}", command, health, folder / f"api{n}.log", env
            )
        for n in range(1, config.senders + 1):
            command = [str(ROOT / ".venv/bin/python"), "-m", "cli.main", "outbox", "run"]
            self.servers[f"sender{n}"] = Background(
                f"sender{n}", command, "", folder / f"sender{n}.log", env
            )
        self.servers["nginx"] = self._nginx()

    def _nginx(self) -> Server:
        prefix = self.folder / "nginx"
        temp = prefix / "temp"
        temp.mkdir(parents=True)
        # Run as root (CI), nginx's workers are `nobody`: they write only their temp files.
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        if os.geteuid() == 0:
            shutil.chown(temp, "nobody", "nogroup")
        upstreams = "\n".join(
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;"
            for port in self.api_ports
        )
        text = TEMPLATE.read_text(encoding="utf-8")
        for name, value in {
            "@USER@": user,
            "@PREFIX@": str(prefix),
            "@TEMP@": str(temp),
            "@PORT@": str(self.port),
            "@UPSTREAMS@": upstreams,
            "@PROXY@": str(ROOT / "deploy" / "nginx" / "proxy.conf"),
        }.items():
            text = text.replace(name, value)
        conf = self.folder / "nginx.conf"
        conf.write_text(text, encoding="utf-8")
        command = [nginx_bin(), "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
        return Server("nginx", command, f"{self.url}/staff/login", self.folder / "nginx.log", {})

    def _start_all(self) -> None:
        """Everything at once, but the second Rasa server after the first has made the
        tracker store's tables (both would create them)."""
        names = [name for name in self.servers if not name.startswith("rasa")]
        rasas = [name for name in self.servers if name.startswith("rasa")]
        errors: list[BaseException] = []

        def start(name: str) -> None:
            try:
                self.servers[name].start(timeout=START_TIMEOUT)
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=start, args=(rasas[0],))]
        threads[0].start()
        self._wait_for_tracker_tables(self.servers[rasas[0]])
        for name in rasas[1:] + names:
            if name == "nginx":
                continue
            threads.append(threading.Thread(target=start, args=(name,)))
            threads[-1].start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        start("nginx")  # last: it answers through the API processes
        if errors:
            raise errors[0]

    def _wait_for_tracker_tables(self, first: Server) -> None:
        from sqlalchemy import text

        from core.database import make_engine

        engine = make_engine(self.postgres.url(f"{DATABASE}_tracker"))
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while time.monotonic() < deadline:
                if first.process is not None and first.process.poll() is not None:
                    return  # it failed; its thread reports why
                with engine.connect() as connection:
                    if connection.execute(text("select to_regclass('events')")).scalar():
                        return
                time.sleep(0.5)
        finally:
            engine.dispose()

    # -- one process at a time (bench/cluster.py) -----------------------------------------

    def kill(self, name: str) -> None:
        """SIGKILL: no graceful shutdown, requests in flight are cut."""
        server = self.servers[name]
        server.process.kill()
        server.process.wait()
        server._log.close()

    def restart(self, name: str) -> None:
        self.servers[name].start(timeout=START_TIMEOUT)

    # -- stopping -------------------------------------------------------------------------

    def stop(self) -> None:
        for name in reversed(list(self.servers)):
            server = self.servers[name]
            if server.process is not None and server.process.poll() is None:
                server.stop()
        if self.redis is not None:
            self.redis.stop()
        if self.postgres is not None:
            self.postgres.stop()

    def describe(self) -> str:
        lines = [f"nginx           {self.url}   (/healthz, /docs, /staff, POST /twilio/sms)"]
        for n, port in enumerate(self.api_ports, 1):
            lines.append(f"API {n}           http://127.0.0.1:{port}")
        for n, url in enumerate(self.rasa_urls, 1):
            lines.append(f"Rasa {n}          {url}   (API token {RASA_TOKEN})")
        lines += [
            f"action server   {self.servers['actions'].health_url.rsplit('/', 1)[0]}",
            f"outbox senders  {self.config.api} in the API processes + {self.config.senders}",
            f"PostgreSQL      {self.database_url} (Rasa's: {DATABASE}_tracker)",
            f"Redis           {self.redis.url}",
            f"logs            {self.folder}/",
        ]
        return "\n".join(lines)


def _stop_stale(folder: Path) -> None:
    """A cluster left by a run that was killed: its PostgreSQL stopped before the folder goes
    (the other processes die with their supervisor's process group or stay on their ports)."""
    data = folder / "postgres" / "data"
    if (data / "postmaster.pid").exists():
        server = PostgresServer(folder / "postgres")
        server._run(str(server.bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("CLUSTER_PORT", 8000)))
    parser.add_argument("--rasa", type=int, default=2, help="Rasa servers")
    parser.add_argument("--api", type=int, default=2, help="API processes behind nginx")
    parser.add_argument("--senders", type=int, default=2, help="outbox senders besides the API")
    args = parser.parse_args()
    lacking = missing_binaries()
    if lacking:
        print(f"run-cluster needs {', '.join(lacking)} (Debian packages)", file=sys.stderr)
        return 1
    cluster = Cluster(ClusterConfig(port=args.port, rasa=args.rasa, api=args.api,
                                    senders=args.senders))  # fmt: skip
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"starting the cluster (logs in {cluster.folder}/) …", flush=True)
    try:
        cluster.start()
        print(cluster.describe(), "\nCtrl-C stops all.", sep="\n", flush=True)
        while all(s.process.poll() is None for s in cluster.servers.values()):
            time.sleep(1)
        stopped = [name for name, s in cluster.servers.items() if s.process.poll() is not None]
        print(f"{', '.join(stopped)} stopped; see {cluster.folder}/", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        # A second Ctrl-C (or the terminal's to the whole group) must not cut the stopping.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("stopping …", flush=True)
        cluster.stop()
        print("stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
