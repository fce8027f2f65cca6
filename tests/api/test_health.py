from fastapi.testclient import TestClient

from api.main import create_app


def test_health_reports_each_part_and_503_when_the_bot_is_down(client):
    reply = client.get("/healthz")
    assert reply.status_code == 503
    body = reply.json()
    assert body["store"] == "ok"
    assert body["rasa"].startswith("down") and body["action_server"].startswith("down")
    assert body["status"] == "degraded"


def test_health_asks_every_rasa_server(settings, engine):
    several = settings.model_copy(update={"rasa_urls": "http://127.0.0.1:9,http://127.0.0.1:7"})
    with TestClient(create_app(several, engine)) as client:
        reply = client.get("/healthz")
    assert reply.status_code == 503
    body = reply.json()
    assert set(body["rasa_servers"]) == {"http://127.0.0.1:9", "http://127.0.0.1:7"}
    assert all(state.startswith("down") for state in body["rasa_servers"].values())
    assert "http://127.0.0.1:9 down" in body["rasa"] and "http://127.0.0.1:7 down" in body["rasa"]
