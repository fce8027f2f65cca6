"""Issue 13: a full ID landed in the access log through `GET …?q=<身份证号>`. Through the API
under uvicorn: the access log masks query strings, and no log line carries a full number."""

from __future__ import annotations

import httpx

from tests.servers import api_server, free_port

ID_NUMBER = "500236197803124419"
PHONE = "13812345678"


def test_the_access_log_never_holds_a_full_number(tmp_path, fresh_store):
    database_url, _ = fresh_store(tmp_path)
    port = free_port()
    log = tmp_path / "api.log"
    server = api_server(port, database_url, log)
    server.start(timeout=60)
    try:
        base = f"http://127.0.0.1:{port}"
        httpx.get(f"{base}/api/cases", params={"q": ID_NUMBER, "phone": PHONE})
        httpx.get(f"{base}/staff/cases", params={"q": "500236 19781231 4419"})
    finally:
        server.stop()
    text = log.read_text()
    assert "/api/cases" in text  # the requests were logged
    assert ID_NUMBER not in text and PHONE not in text and "19781231" not in text
    assert "500236********4419" in text
