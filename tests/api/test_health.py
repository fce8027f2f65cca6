def test_health_reports_each_part_and_503_when_the_bot_is_down(client):
    reply = client.get("/healthz")
    assert reply.status_code == 503
    body = reply.json()
    assert body["store"] == "ok"
    assert body["rasa"].startswith("down") and body["action_server"].startswith("down")
    assert body["status"] == "degraded"
