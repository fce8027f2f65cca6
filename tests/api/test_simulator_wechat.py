"""/simulator's WeChat mode: speak as a follower without a 公众号; the message goes through
the real POST /wechat, signed (and in safe mode encrypted) as WeChat does, with the
development token when WECHAT_TOKEN is unset."""

from __future__ import annotations

import pytest

from channels import wording
from tests.china_fakes import WECHAT_AES_KEY
from tests.twilio_fakes import ChannelApp, channel_settings


@pytest.mark.parametrize("aes_key", [None, WECHAT_AES_KEY])
def test_the_simulator_speaks_as_a_wechat_follower(settings, engine, rasa, aes_key):
    config = channel_settings(settings, environment="development", wechat_token=None,
                              wechat_app_id="wx-sim" if aes_key else None,
                              wechat_aes_key=aes_key, wechat_reply_deadline=1.0)  # fmt: skip
    with ChannelApp(config, engine, rasa) as app:
        greeted = app.client.post(
            "/simulator/wechat/send", json={"user": "wang", "kind": "subscribe"}
        )
        assert greeted.json()["reply"] == wording.WECHAT_GREETING.format(helpline="12345")
        said = app.client.post("/simulator/wechat/send", json={"user": "wang", "text": "你好"})
        assert said.json() == {"user": "wang", "status": 200, "reply": "收到：你好"}
        voice = {"user": "wang", "text": "申请低保", "kind": "voice"}
        assert (
            app.client.post("/simulator/wechat/send", json=voice).json()["reply"]
            == "收到：申请低保"
        )
        assert [r["input_channel"] for r in rasa.received] == ["wechat", "wechat_voice"]
        # A slow reply: nothing now, then a 客服消息 in the outbox (kept: no app secret).
        rasa.delay = 1.5
        slow = app.client.post("/simulator/wechat/send", json={"user": "wang", "text": "慢"})
        assert slow.json()["reply"] == ""
        app.settle()
        later = app.client.get("/simulator/wechat/messages", params={"user": "wang"}).json()
        assert [(m["body"], m["status"]) for m in later] == [("收到：慢", "queued")]
