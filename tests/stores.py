"""Throw-away PostgreSQL and Redis servers on loopback, for the tests' PostgreSQL pass
(`pytest --store postgresql`, run by `make test`) and the Rasa tests on them.

PostgreSQL: a cluster made by `initdb` under `var/test-postgres/<pid>/`, started by
`pg_ctl` on a free port of 127.0.0.1 (no Unix socket, `trust` on loopback only, fsync off:
nothing in it outlives the run; ICU collation zh-Hans-CN, so Chinese text sorts by pinyin as
in a Chinese deployment, not by code point as on SQLite), as the `postgres` user when the
tests run as root (CI does), else as the current user. Each store test gets its own database, copied from a
template migrated once, and dropped after the test. Redis: `redis-server` on a free port
of 127.0.0.1, nothing saved.

`python -m tests.stores` says whether the binaries are there (exit 1 if not).
"""

from __future__ import annotations

import glob
import itertools
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = ROOT / "var" / "test-postgres"
USER = "intake"  # the cluster's superuser; `trust` on 127.0.0.1 only
TEMPLATE = "intake_template"
START_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: $POSTGRES_BIN if set, else on PATH, else
    Debian's newest /usr/lib/postgresql/<version>/bin (Debian keeps them off PATH)."""
    if (configured := os.environ.get("POSTGRES_BIN")) is not None:
        folder = Path(configured)
        return folder if (folder / "initdb").exists() and (folder / "pg_ctl").exists() else None
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    folders = glob.glob("/usr/lib/postgresql/*/bin")
    folders.sort(key=lambda folder: int(Path(folder).parent.name.split(".")[0]))
    for folder in reversed(folders):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def redis_bin() -> Path | None:
    found = shutil.which("redis-server")
    return Path(found) if found else None


def missing_postgres() -> str | None:
    """What the PostgreSQL pass needs and this machine lacks (the Debian package)."""
    return None if postgres_bin() else "postgresql (initdb, pg_ctl)"


def missing() -> list[str]:
    """What the tests' servers need and this machine lacks (Debian package names)."""
    lacking = [missing_postgres()] if missing_postgres() else []
    return lacking + ([] if redis_bin() else ["redis-server"])


class PostgresServer:
    """A throw-away PostgreSQL cluster on 127.0.0.1:`port`."""

    def __init__(self, folder: Path | None = None):
        self.bin = postgres_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (Debian package `postgresql`)")
        self.folder = folder or CLUSTERS / str(os.getpid())
        self.data = self.folder / "data"
        self.port = free_port()
        self._names = itertools.count(1)
        self._admin = None

    def url(self, database: str = "postgres") -> str:
        """The plain URL, as a deployment writes it (the settings map it to the driver)."""
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(
            [*as_postgres, *command], capture_output=True, text=True, timeout=START_TIMEOUT
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stdout}{done.stderr}")

    def start(self) -> PostgresServer:
        _remove_stale_clusters()
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to `postgres`
            shutil.chown(self.folder, "postgres", "postgres")
            if not self._reachable():  # a checkout `postgres` may not enter (under /root)
                shutil.rmtree(self.folder)
                self.folder = Path(tempfile.mkdtemp(prefix="intake-test-postgres-"))
                self.data = self.folder / "data"
                shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--locale-provider=icu",
            "--icu-locale=zh-Hans-CN",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            str(START_TIMEOUT),
            "start",
        )
        return self

    def _reachable(self) -> bool:
        check = ["runuser", "-u", "postgres", "--", "test", "-w", str(self.folder)]
        return subprocess.run(check, capture_output=True).returncode == 0

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.dispose()
            self._admin = None
        if self.data.exists():
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
            except RuntimeError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def execute(self, statement: str) -> None:
        """One statement outside a transaction (CREATE/DROP DATABASE), as the superuser."""
        from sqlalchemy import text

        from core.database import make_engine

        if self._admin is None:
            self._admin = make_engine(self.url(), isolation_level="AUTOCOMMIT", poolclass=_null())
        with self._admin.connect() as connection:
            connection.execute(text(statement))

    def create_template(self) -> None:
        """The database every test's store is copied from: migrated to the newest revision."""
        from cases.migrations import migrate
        from core.database import make_engine

        self.execute(f"CREATE DATABASE {TEMPLATE}")
        engine = make_engine(self.url(TEMPLATE))
        migrate(engine)
        engine.dispose()

    def new_database(self, *, migrated: bool = True) -> str:
        """A fresh database (migrated: a copy of the template; else empty); its URL."""
        name = f"test_{next(self._names)}"
        template = f" TEMPLATE {TEMPLATE}" if migrated else ""
        self.execute(f"CREATE DATABASE {name}{template}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _null():
    from sqlalchemy.pool import NullPool

    return NullPool


def _remove_stale_clusters() -> None:
    """Clusters left by a test run that was killed: stopped and removed."""
    for folder in CLUSTERS.glob("*"):
        if not folder.name.isdigit() or _alive(int(folder.name)):
            continue
        data = folder / "data"
        if (data / "postmaster.pid").exists() and (binaries := postgres_bin()):
            as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
            subprocess.run(
                [
                    *as_postgres,
                    str(binaries / "pg_ctl"),
                    "-D",
                    str(data),
                    "-m",
                    "immediate",
                    "stop",
                ],
                capture_output=True,
                timeout=START_TIMEOUT,
            )
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class RedisServer:
    """A throw-away `redis-server` on 127.0.0.1:`port`, nothing written to disk."""

    def __init__(self, folder: Path):
        binary = redis_bin()
        if binary is None:
            raise RuntimeError("Redis is not installed (Debian package `redis-server`)")
        self.binary, self.folder, self.port = binary, folder, free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._log = open(self.folder / "redis.log", "ab")
        self.process = subprocess.Popen(
            [
                str(self.binary),
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {self.folder / 'redis.log'}")
            try:
                if self.command("PING") == "PONG":
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"redis-server did not start in {START_TIMEOUT}s")

    def command(self, *words: str):
        """One Redis command over RESP (no client library in the app's environment)."""
        request = f"*{len(words)}\r\n" + "".join(
            f"${len(word.encode())}\r\n{word}\r\n" for word in words
        )
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(request.encode())
            reader = sock.makefile("rb")
            return _read_reply(reader)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self._log.close()


def _read_reply(reader):
    line = reader.readline().decode().rstrip("\r\n")
    kind, rest = line[:1], line[1:]
    if kind in "+":
        return rest
    if kind == "-":
        raise RuntimeError(rest)
    if kind == ":":
        return int(rest)
    if kind == "$":
        if int(rest) < 0:
            return None
        data = reader.read(int(rest) + 2)
        return data[:-2].decode()
    if kind == "*":
        return [_read_reply(reader) for _ in range(max(int(rest), 0))]
    raise RuntimeError(f"unexpected reply {line!r}")


def rasa_store_variables(**environ: str) -> dict[str, str]:
    """What `eval "$(scripts/rasa_env.py)"` exports for Rasa's tracker and lock stores (as
    scripts/run.sh does), in an environment of only `environ` (DATABASE_URL, REDIS_URL …)."""
    done = subprocess.run(
        [sys.executable, "scripts/rasa_env.py"],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", ""), **environ},
        capture_output=True,
        text=True,
        check=True,
    )
    exports = {}
    for line in done.stdout.splitlines():
        _, assignment = shlex.split(line)  # as the shell reads `export NAME=value`
        name, _, value = assignment.partition("=")
        exports[name] = value
    return exports


if __name__ == "__main__":
    lacking = missing()
    if lacking:
        print(f"missing: {', '.join(lacking)}")
        sys.exit(1)
    print(f"PostgreSQL binaries in {postgres_bin()}, redis-server at {redis_bin()}")
