"""Engine and sessions. SQLite (WAL, foreign keys on) by default; PostgreSQL (a plain
`postgresql://` URL, psycopg 3) or any SQLAlchemy URL through DATABASE_URL. The schema is
created and upgraded by Alembic (``cases.migrations.migrate``), never at import time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from core.settings import driver_url

# Ids are INTEGER columns: 64 bits on SQLite but 32 on PostgreSQL. An id above this cannot
# be stored, so it names nothing (404), and never reaches PostgreSQL, which would refuse it.
MAX_ROW_ID = 2**31 - 1


def utcnow() -> datetime:
    """Now, timezone-aware (UTC): every stored moment."""
    return datetime.now(timezone.utc)


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for `url`; SQLite files get WAL, a busy timeout and foreign keys."""
    url = driver_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
