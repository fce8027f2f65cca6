"""The action server's handle on the case store, opened on first use (never at import)."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.engine import Engine

from cases.migrations import migrate
from core.database import make_engine
from core.security import IdentityCipher
from core.settings import get_settings


@lru_cache
def store_engine() -> Engine:
    engine = make_engine(get_settings().database_url)
    migrate(engine)
    return engine


@lru_cache
def identity_cipher() -> IdentityCipher:
    return IdentityCipher(get_settings().data_key)
