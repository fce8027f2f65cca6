"""The real Rasa server (trained model, SQL tracker store) and the real action server,
started once for the end-to-end tests, with their own store in a temporary folder."""

from __future__ import annotations

import pytest

from cases.migrations import migrate
from core.database import make_engine
from core.settings import Settings
from tests.servers import action_server, free_port, rasa_server

RASA_TOKEN = "e2e-token"


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("stack")
    database_url = f"sqlite:///{workdir / 'intake.db'}"
    migrate(make_engine(database_url))
    action_port, rasa_port = free_port(), free_port()
    actions = action_server(action_port, database_url, workdir / "actions.log")
    rasa = rasa_server(rasa_port, action_port, workdir, RASA_TOKEN, workdir / "rasa.log")
    actions.start()
    try:
        rasa.start()
    except Exception:
        actions.stop()
        raise
    yield {
        "database_url": database_url,
        "rasa_url": f"http://127.0.0.1:{rasa_port}",
        "action_url": f"http://127.0.0.1:{action_port}",
        "workdir": workdir,
        "rasa_server": rasa,  # stop() / start() again on the same port and store
        "action_server": actions,
        "settings": Settings(
            environment="test",
            database_url=database_url,
            rasa_url=f"http://127.0.0.1:{rasa_port}",
            rasa_token=RASA_TOKEN,
            action_server_url=f"http://127.0.0.1:{action_port}",
        ),
    }
    rasa.stop()
    actions.stop()
