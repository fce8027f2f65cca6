"""Shared fixtures: a fresh store per test, the API app on it, staff tokens.

The store is SQLite unless pytest runs with `--store postgresql` (`make test` runs both
passes): then a throw-away PostgreSQL cluster on loopback (`tests.stores`) gives each test
its own migrated database, and only the store tests run: those that take `database_url`
(directly or through `settings`, `engine`, `session`, `client` …), `empty_database_url`,
`fresh_store` or `postgres` (but not the e2e and browser tests, which go through the same
code), and those marked `postgresql`, which run in that pass only."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlmodel import Session

from accounts import passwords, users
from accounts.models import Role
from accounts.users import create_user
from api.main import create_app
from cases.migrations import migrate
from core.database import make_engine
from core.security import IdentityCipher
from core.settings import Settings
from tests import stores

# An unset ENVIRONMENT is production (fail closed); the tests and the servers they start
# run as "test" unless a test says otherwise.
os.environ.setdefault("ENVIRONMENT", "test")


def pytest_addoption(parser):
    parser.addoption(
        "--store",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the store of the store tests: SQLite files, or a throw-away PostgreSQL cluster "
        "(then only the store tests run)",
    )


# A test that takes one of these (directly or through another fixture) is a store test.
STORE_FIXTURES = {"database_url", "empty_database_url", "fresh_store", "postgres"}


def on_postgresql(config) -> bool:
    return config.getoption("--store") == "postgresql"


def pytest_configure(config):
    if not on_postgresql(config) or not (lacking := stores.missing_postgres()):
        return
    message = f"PostgreSQL pass: {lacking} not installed (see .ci/run)"
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(message + "; under CI=true that is a failure")
    config._store_missing = message


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL pass runs the store tests only; the SQLite pass leaves out the tests
    that are about PostgreSQL itself (marker `postgresql`)."""
    postgresql = on_postgresql(config)

    def keep(item) -> bool:
        about_postgresql = item.get_closest_marker("postgresql") is not None
        if not postgresql:
            return not about_postgresql
        if about_postgresql:
            return True
        through_servers = any(item.get_closest_marker(mark) for mark in ("e2e", "browser"))
        return not through_servers and bool(STORE_FIXTURES & set(item.fixturenames))

    deselected = [item for item in items if not keep(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if keep(item)]
    missing = getattr(config, "_store_missing", None)
    for item in items if missing else ():
        item.add_marker(pytest.mark.skip(reason=missing))


def pytest_report_header(config):
    if on_postgresql(config):
        return "store: PostgreSQL (throw-away cluster on loopback; store tests only)"
    return "store: SQLite"


def pytest_terminal_summary(terminalreporter, config):
    missing = getattr(config, "_store_missing", None)
    if missing:
        banner = "!" * 78
        terminalreporter.write_line(
            f"{banner}\n{missing}: THE POSTGRESQL PASS WAS SKIPPED\n{banner}"
        )
        print(f"{missing}: the PostgreSQL pass was skipped", file=sys.stderr)
    cluster_missing = getattr(config, "_cluster_missing", None)  # tests/e2e/test_cluster.py
    if cluster_missing:
        banner = "!" * 78
        terminalreporter.write_line(
            f"{banner}\n{cluster_missing}: THE CLUSTER TEST WAS SKIPPED\n{banner}"
        )
        print(f"{cluster_missing}: the cluster test was skipped", file=sys.stderr)


class RememberingHasher(PasswordHasher):
    """argon2 itself, but each password is hashed once per run and each (hash, password)
    checked once: the same hashes and the same answers, without the tenth of a second argon2
    spends each time on the run's hundreds of accounts and sign-ins (about a minute and a
    half of each pass). The tests of the hasher itself (tests/accounts) use the real one."""

    _hashes: dict[str, str] = {}
    _checked: dict[tuple[str, str], Exception | bool] = {}

    def hash(self, password, *, salt=None):
        if salt is not None:
            return super().hash(password, salt=salt)
        if password not in self._hashes:
            self._hashes[password] = super().hash(password)
        return self._hashes[password]

    def verify(self, hash, password):
        key = (hash, password)
        if key not in self._checked:
            try:
                self._checked[key] = super().verify(hash, password)
            except Exception as refused:
                self._checked[key] = refused
        answer = self._checked[key]
        if isinstance(answer, Exception):
            raise type(answer)(*answer.args)
        return answer


@pytest.fixture(autouse=True)
def remembered_hashes(request, monkeypatch):
    if request.node.path.parent.name == "accounts":
        return
    hasher = RememberingHasher()
    monkeypatch.setattr(passwords, "hasher", hasher)
    monkeypatch.setattr(users, "hasher", hasher)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated SQLite store, migrated once: each test's store is a copy of it, as on
    PostgreSQL each is a copy of the template database (migrating takes a fifth of a second,
    a copy a millisecond)."""
    path = tmp_path_factory.mktemp("template") / "intake.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # the last connection closed: the write-ahead log is in the file
    return path


def _copy_of_template(request, folder) -> str:
    """The URL of a new SQLite store in `folder`: a copy of the migrated template."""
    path = folder / "intake.db"
    shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def postgres():
    """The throw-away PostgreSQL cluster of this run, with the migrated template."""
    server = stores.PostgresServer().start()
    try:
        server.create_template()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis(tmp_path_factory):
    """A throw-away Redis on loopback (Rasa's lock store)."""
    if stores.redis_bin() is None:
        message = "redis-server not installed (see .ci/run)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; under CI=true that is a failure")
        pytest.skip(message)
    server = stores.RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def database_url(request, tmp_path) -> str:
    """The store of this test: a new SQLite file or PostgreSQL database, each a copy of the
    migrated template (the PostgreSQL one dropped after the test)."""
    if not on_postgresql(request.config):
        return _copy_of_template(request, tmp_path)
    server = request.getfixturevalue("postgres")
    url = server.new_database()
    request.addfinalizer(lambda: server.drop_database(url))
    return url


@pytest.fixture
def empty_database_url(request, tmp_path) -> str:
    """A store of this test with no tables at all (for the migrations themselves)."""
    if not on_postgresql(request.config):
        return f"sqlite:///{tmp_path / 'empty.db'}"
    server = request.getfixturevalue("postgres")
    url = server.new_database(migrated=False)
    request.addfinalizer(lambda: server.drop_database(url))
    return url


@pytest.fixture(scope="session")
def fresh_store(request):
    """Makes a new migrated store for a module's servers: `fresh_store(folder)` → (its URL,
    its engine); an SQLite file in `folder`, or a database of the PostgreSQL cluster."""
    engines = []

    def make(folder):
        if on_postgresql(request.config):
            database_url = request.getfixturevalue("postgres").new_database()
        else:
            database_url = _copy_of_template(request, folder)
        engine = make_engine(database_url)
        migrate(engine)
        engines.append(engine)
        return database_url, engine

    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture
def settings(database_url) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        rasa_url="http://127.0.0.1:9",
        action_server_url="http://127.0.0.1:9",
    )


@pytest.fixture
def engine(settings):
    engine = make_engine(settings.database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine) as session:
        yield session


@pytest.fixture
def cipher(settings) -> IdentityCipher:
    return IdentityCipher(settings.data_key)


@pytest.fixture
def client(settings, engine):
    with TestClient(create_app(settings, engine)) as client:
        yield client


@pytest.fixture
def staff(engine):
    """Accounts of every role; passwords are `password-<name>`."""
    accounts = {
        "county": (Role.county_admin, None),
        "tuxiang": (Role.township_staff, "吐祥镇"),
        "baidi": (Role.township_staff, "白帝镇"),
        "helpline": (Role.helpline, None),
    }
    with Session(engine) as session:
        for name, (role, township) in accounts.items():
            create_user(
                session, username=name, password=f"password-{name}", role=role, township=township
            )
        session.commit()
    return accounts


def login(client: TestClient, name: str) -> dict[str, str]:
    reply = client.post("/api/token", data={"username": name, "password": f"password-{name}"})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}
