"""Fixtures for the actions: the action server's store pointed at the test's store."""

import pytest

from actions import store as action_store
from core.settings import get_settings


@pytest.fixture
def action_db(settings, engine, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    action_store.store_engine.cache_clear()
    yield engine
    get_settings.cache_clear()
    action_store.store_engine.cache_clear()
