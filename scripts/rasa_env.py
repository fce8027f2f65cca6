"""Rasa's tracker store and lock store, derived from the app's environment, as the variables
`bot/endpoints.yml` reads. Prints `export NAME=value` lines for a shell to eval:

    eval "$(.venv/bin/python scripts/rasa_env.py)"     # scripts/run.sh, scripts/shell.sh

- DATABASE_URL on PostgreSQL (`postgresql://user[:password]@host[:port]/db`): Rasa's SQL
  tracker store on the same server, in a database of its own, `<db>_tracker`, which Rasa
  creates on first start through `login_db` (the app's database) when the user may create
  databases. Anything else (SQLite, unset): the SQLite file `var/rasa_tracker.db`.
- REDIS_URL (`redis://[:password@]host[:port][/db]`): Rasa's lock store in Redis (db 1 unless
  the URL names one). Unset: in memory, which is right for one Rasa process only.
- A RASA_TRACKER_* or RASA_LOCK_* variable already set is kept as it is.

Standard library only: it runs before either environment is needed.
"""

from __future__ import annotations

import os
import shlex
import sys
from urllib.parse import unquote, urlsplit

SQLITE_TRACKER = "var/rasa_tracker.db"
POSTGRES_SCHEMES = ("postgresql", "postgres")  # with or without a driver: postgresql+psycopg
REDIS_DEFAULT_DB = "1"  # Rasa's own default for its lock store


def tracker_store(database_url: str | None) -> dict[str, str]:
    """The RASA_TRACKER_* fields for the app's DATABASE_URL."""
    fields = dict.fromkeys(("HOST", "PORT", "USER", "PASSWORD", "LOGIN_DB"), "")
    parts = urlsplit(database_url or "")
    database = unquote(parts.path.lstrip("/"))
    if parts.scheme.split("+")[0] not in POSTGRES_SCHEMES or not database:
        return {**fields, "DIALECT": "sqlite", "DB": SQLITE_TRACKER}
    return {
        "DIALECT": "postgresql",
        "HOST": parts.hostname or "127.0.0.1",
        "PORT": str(parts.port or 5432),
        "DB": f"{database}_tracker",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "LOGIN_DB": database,
    }


def lock_store(redis_url: str | None) -> dict[str, str]:
    """The RASA_LOCK_* fields for REDIS_URL."""
    if not redis_url:
        return {"STORE": "in_memory", "HOST": "", "PORT": "", "DB": "", "PASSWORD": ""}
    parts = urlsplit(redis_url)
    return {
        "STORE": "redis",
        "HOST": parts.hostname or "127.0.0.1",
        "PORT": str(parts.port or 6379),
        "DB": parts.path.lstrip("/") or REDIS_DEFAULT_DB,
        "PASSWORD": unquote(parts.password or ""),
    }


def variables(environ: dict[str, str]) -> dict[str, str]:
    derived = {
        **{f"RASA_TRACKER_{k}": v for k, v in tracker_store(environ.get("DATABASE_URL")).items()},
        **{f"RASA_LOCK_{k}": v for k, v in lock_store(environ.get("REDIS_URL")).items()},
    }
    return {name: environ.get(name, value) for name, value in derived.items()}


def main() -> int:
    for name, value in variables(dict(os.environ)).items():
        print(f"export {name}={shlex.quote(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
