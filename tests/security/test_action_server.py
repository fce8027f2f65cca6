"""Issue 13, finding 3: the action server listened on every interface without
authentication, so a crafted `POST /webhook` ran `action_check_status` for any phone and
`action_handoff` created cases. The real action server (`python -m actions.server`) now binds
loopback and refuses requests without the shared secret Rasa sends."""

from __future__ import annotations

import socket

import httpx
import pytest

from tests.servers import ACTION_TOKEN, action_server, free_port


@pytest.fixture(scope="module")
def server(tmp_path_factory, fresh_store):
    workdir = tmp_path_factory.mktemp("actions")
    database_url, _ = fresh_store(workdir)
    port = free_port()
    running = action_server(port, database_url, workdir / "actions.log")
    running.start(timeout=90)
    yield f"http://127.0.0.1:{port}", port
    running.stop()


def _call(action: str, phone: str = "+8613800000001") -> dict:
    return {
        "next_action": action,
        "sender_id": phone,
        "version": "3.6.21",
        "tracker": {
            "sender_id": phone,
            "slots": {},
            "latest_message": {"text": "进度", "intent": {"name": "check_status"}},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
        "domain": {"slots": {}, "responses": {}},
    }


def test_health_answers_without_the_secret(server):
    url, _ = server
    assert httpx.get(f"{url}/health").status_code == 200


@pytest.mark.parametrize("headers", [{}, {"X-Action-Token": "guessed"}])
def test_a_crafted_call_without_the_secret_is_refused(server, headers):
    url, _ = server
    answer = httpx.post(f"{url}/webhook", json=_call("action_check_status"), headers=headers)
    assert answer.status_code == 401
    assert httpx.get(f"{url}/actions", headers=headers).status_code == 401


def test_rasas_call_with_the_secret_is_served(server):
    url, _ = server
    answer = httpx.post(
        f"{url}/webhook",
        json=_call("action_check_status"),
        headers={"X-Action-Token": ACTION_TOKEN},
    )
    assert answer.status_code == 200, answer.text
    assert "responses" in answer.json()


def test_it_listens_on_loopback_only(server):
    _, port = server
    with socket.socket() as sock, pytest.raises(OSError):
        sock.settimeout(2)
        sock.connect(("127.0.0.2", port))  # another address of this machine


def test_rasa_is_configured_to_send_the_secret():
    import yaml

    endpoints = yaml.safe_load(open("bot/endpoints.yml", encoding="utf-8"))
    assert endpoints["action_endpoint"]["headers"] == {"X-Action-Token": "${ACTION_SERVER_TOKEN}"}


def test_production_refuses_the_development_secret():
    from core.settings import DEV_ACTION_TOKEN, Settings

    with pytest.raises(ValueError, match="ACTION_SERVER_TOKEN"):
        Settings(
            environment="production",
            secret_key="s" * 40,
            data_key=Settings().data_key.replace("d", "e", 1),
            rasa_token="r" * 32,
            action_server_token=DEV_ACTION_TOKEN,
        )
