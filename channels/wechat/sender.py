"""WeChat's customer-service message API (客服消息) as the outbox sends through it: a text to
a follower within 48 hours of their last message, with the access_token wechatpy fetches
and renews (one client per thread, one token store for them all)."""

from __future__ import annotations

import threading
import time

import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session.memorystorage import MemoryStorage

from core.settings import Settings

DEFAULT_API = "https://api.weixin.qq.com/cgi-bin/"
TIMEOUT = 15
# WeChat's errcodes: the window is shut (45015: the follower has not written for 48 hours,
# or unfollowed; 45047: the window's messages are used up) — the notice takes another way;
# the follower cannot be reached at all (43004: not following; 40003: not this account's).
WINDOW_SHUT = {45015, 45047}
UNREACHABLE = {43004, 40003}


class WechatNotSent(Exception):
    """The message did not go. `window_shut`: try another channel; `permanent`: never."""

    def __init__(self, reason: str, *, window_shut: bool = False, permanent: bool = False):
        super().__init__(reason)
        self.window_shut, self.permanent = window_shut, permanent


class _Client(WeChatClient):
    """wechatpy's client with its base URL (a stand-in in tests) and a timeout everywhere."""

    def __init__(self, settings: Settings, storage: MemoryStorage):
        super().__init__(settings.wechat_app_id, settings.wechat_app_secret, session=storage,
                         timeout=TIMEOUT)  # fmt: skip
        self.API_BASE_URL = settings.wechat_api_base_url or DEFAULT_API

    def fetch_access_token(self):
        result = self._http.get(
            self.API_BASE_URL + "token",
            params={
                "grant_type": "client_credential",
                "appid": self.appid,
                "secret": self.secret,
            },
            timeout=TIMEOUT,
        )
        result.raise_for_status()
        body = result.json()
        if body.get("errcode"):
            raise WeChatClientException(body["errcode"], body.get("errmsg"), client=self)
        expires_in = int(body.get("expires_in") or 7200)
        self.session.set(self.access_token_key, body["access_token"], expires_in)
        self.expires_at = int(time.time()) + expires_in
        return body


class WechatSender:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._storage = MemoryStorage()
        self._local = threading.local()

    @property
    def client(self) -> _Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = _Client(self.settings, self._storage)
        return client

    def send_text(self, *, openid: str, text: str) -> None:
        """One 客服消息; WechatNotSent when it did not go."""
        try:
            self.client.message.send_text(openid, text)
        except WeChatClientException as error:
            code = error.errcode
            reason = f"wechat errcode {code}: {error.errmsg}" if code else "wechat HTTP error"
            raise WechatNotSent(
                reason, window_shut=code in WINDOW_SHUT, permanent=code in UNREACHABLE
            ) from None
        except requests.RequestException as error:
            raise WechatNotSent(f"wechat {type(error).__name__}") from None
