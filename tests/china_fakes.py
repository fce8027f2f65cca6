"""The China channels' remote ends for the tests, on loopback only: WeChat as it signs and
encrypts what it posts to the 公众号's server (with wechatpy's own crypto), WeChat's API
(access_token, 客服消息) and Aliyun's SMS API (SendSms) as real HTTP servers that check
every request they receive — paths, parameters, the access_token, Aliyun's ACS3-HMAC-SHA256
signature — and record what was sent."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

from core.settings import Settings

WECHAT_APP_ID = "wx1234567890abcdef"
WECHAT_SECRET = "wechat-app-secret-0123456789abcd"
WECHAT_TOKEN = "wechat-token-0123456789"
# 43 characters of base64 (a 32-byte key without its "="), as WeChat's console gives it.
WECHAT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
ACCOUNT = "gh_0123456789ab"  # the 公众号's original id
ALIYUN_KEY_ID = "LTAI5tTestKeyId0000"
ALIYUN_KEY_SECRET = "aliyun-test-secret-0123456789abcdef"
SIGN_NAME = "奉节县民政局"
CALLBACK_TOKEN = "aliyun-callback-token-0123456789abcdef"


def china_settings(settings: Settings, wechat_api=None, aliyun=None, **overrides) -> Settings:
    """`settings` with WeChat's and Aliyun's settings, their APIs at the fakes when given."""
    values: dict[str, Any] = {
        "wechat_app_id": WECHAT_APP_ID,
        "wechat_app_secret": WECHAT_SECRET,
        "wechat_token": WECHAT_TOKEN,
        "wechat_reply_deadline": 1.0,
        "wechat_api_base_url": f"{wechat_api.url}/cgi-bin/"
        if wechat_api
        else "http://127.0.0.1:9/cgi-bin/",
        "aliyun_access_key_id": ALIYUN_KEY_ID,
        "aliyun_access_key_secret": ALIYUN_KEY_SECRET,
        "aliyun_sms_sign_name": SIGN_NAME,
        "aliyun_sms_endpoint": aliyun.endpoint if aliyun else "127.0.0.1:9",
        "aliyun_sms_protocol": "http",
        "aliyun_callback_token": CALLBACK_TOKEN,
    }
    return settings.model_copy(update={**values, **overrides})


# -- WeChat's side of the 公众号 server: requests signed (and encrypted) as WeChat does --------


def query_signature(token: str, timestamp: str, nonce: str) -> str:
    signer = WeChatSigner()
    signer.add_data(token, timestamp, nonce)
    return signer.signature


def text_xml(openid: str, text: str, msg_id: int | str, *, kind: str = "text") -> str:
    if kind == "voice":
        body = (f"<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media1]]></MediaId>"
                f"<Format><![CDATA[amr]]></Format><Recognition><![CDATA[{text}]]></Recognition>")  # fmt: skip
    else:
        body = f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>"
    return (f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime>{body}<MsgId>{msg_id}</MsgId></xml>")  # fmt: skip


def event_xml(openid: str, event: str, create_time: int | None = None) -> str:
    return (f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{create_time or int(time.time())}</CreateTime>"
            f"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{event}]]></Event></xml>")  # fmt: skip


class WechatServer:
    """What WeChat's servers do to the 公众号's URL: sign each request with the token and,
    in safe mode, encrypt its body with the EncodingAESKey (wechatpy's WeChatCrypto)."""

    def __init__(self, token: str = WECHAT_TOKEN, aes_key: str | None = None,
                 app_id: str = WECHAT_APP_ID):  # fmt: skip
        self.token, self.aes_key, self.app_id = token, aes_key, app_id
        self.crypto = WeChatCrypto(token, aes_key, app_id) if aes_key else None

    def request(self, xml: str, openid: str) -> tuple[str, bytes]:
        """The path with its signed query, and the body, of WeChat's POST for `xml`."""
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
        query = {"signature": query_signature(self.token, timestamp, nonce),
                 "timestamp": timestamp, "nonce": nonce, "openid": openid}  # fmt: skip
        body = xml
        if self.crypto is not None:
            sealed = self.crypto.encrypt_message(xml, nonce, timestamp)
            encrypt = _between(sealed, "<Encrypt><![CDATA[", "]]></Encrypt>")
            signer = WeChatSigner()
            signer.add_data(self.token, timestamp, nonce, encrypt)
            query |= {"encrypt_type": "aes", "msg_signature": signer.signature}
            body = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        return "/wechat?" + urlencode(query), body.encode()

    def post(self, client, xml: str, openid: str):
        path, body = self.request(xml, openid)
        return client.post(path, content=body, headers={"Content-Type": "text/xml"})

    def read_reply(self, response) -> str | None:
        """The passive reply's text (decrypted in safe mode), or None for an empty answer."""
        assert response.status_code == 200, response.text
        if not response.text:
            return None
        xml = response.text
        if self.crypto is not None:
            timestamp = _between(xml, "<TimeStamp>", "</TimeStamp>")
            nonce = _between(xml, "<Nonce><![CDATA[", "]]></Nonce>")
            signature = _between(xml, "<MsgSignature><![CDATA[", "]]></MsgSignature>")
            xml = self.crypto.decrypt_message(xml, signature, timestamp, nonce)
        return _between(xml, "<Content><![CDATA[", "]]></Content>")


def _between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


# -- WeChat's API: access_token and 客服消息 --------------------------------------------------


class _JsonServer:
    def __init__(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = fake.answer(method, self.path, dict(self.headers), body)
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._answer("GET")

            def do_POST(self):
                self._answer("POST")

        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.refused: list[str] = []  # requests the fake refused, and why

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class FakeWechatApi(_JsonServer):
    """WeChat's /cgi-bin/token and /cgi-bin/message/custom/send: checks the app id and
    secret, the access_token it gave, the JSON; `errcode_for[openid]`: answer that errcode
    (45015: the window is shut) once for that follower."""

    def __init__(self):
        super().__init__()
        self.tokens: list[str] = []
        self.sent: list[dict[str, Any]] = []
        self.errcode_for: dict[str, int] = {}

    def answer(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, dict]:
        url = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        with self.lock:
            if method == "GET" and url.path == "/cgi-bin/token":
                if query != {"grant_type": "client_credential", "appid": WECHAT_APP_ID,
                             "secret": WECHAT_SECRET}:  # fmt: skip
                    self.refused.append(f"token: {query}")
                    return 200, {"errcode": 40013, "errmsg": "invalid appid"}
                token = "ACCESS_TOKEN_" + uuid.uuid4().hex
                self.tokens.append(token)
                return 200, {"access_token": token, "expires_in": 7200}
            if method == "POST" and url.path == "/cgi-bin/message/custom/send":
                if query.get("access_token") not in self.tokens:
                    self.refused.append("custom/send: access_token")
                    return 200, {"errcode": 40001, "errmsg": "invalid credential"}
                message = json.loads(body)
                if message.get("msgtype") != "text" or not message.get("text", {}).get("content"):
                    self.refused.append(f"custom/send: {message}")
                    return 200, {"errcode": 40008, "errmsg": "invalid message type"}
                code = self.errcode_for.pop(message.get("touser"), 0)
                if code:
                    return 200, {"errcode": code, "errmsg": "refused by the test"}
                self.sent.append(message)
                return 200, {"errcode": 0, "errmsg": "ok"}
        self.refused.append(f"{method} {url.path}")
        return 404, {"errcode": 404, "errmsg": "not found"}

    def texts(self, openid: str | None = None) -> list[str]:
        with self.lock:
            return [m["text"]["content"] for m in self.sent if openid in (None, m["touser"])]


# -- Aliyun's SMS API ------------------------------------------------------------------------


def _encode(value: str) -> str:
    return quote(value, safe="-_.~")


def acs3_signature(method: str, path: str, query: dict[str, str], headers: dict[str, str],
                   signed_headers: list[str], body: bytes, secret: str) -> str:  # fmt: skip
    """Aliyun's V3 request signature (ACS3-HMAC-SHA256), written from its documentation."""
    canonical_query = "&".join(f"{_encode(k)}={_encode(v)}" for k, v in sorted(query.items()))
    lower = {k.lower(): v.strip() for k, v in headers.items()}
    canonical_headers = "".join(f"{name}:{lower[name]}\n" for name in signed_headers)
    canonical = "\n".join([method, path, canonical_query, canonical_headers,
                           ";".join(signed_headers), hashlib.sha256(body).hexdigest()])  # fmt: skip
    to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    return hmac.new(secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()


class FakeAliyunSms(_JsonServer):
    """Aliyun's SendSms (RPC, version 2017-05-25): checks the action, version, the access
    key and the ACS3-HMAC-SHA256 signature over the request, the signature name and the
    parameters; answers `{"Code": "OK", "BizId": …}`, or `code_for[number]` once."""

    def __init__(self):
        super().__init__()
        self.endpoint = f"127.0.0.1:{self.port}"
        self.sent: list[dict[str, Any]] = []
        self.code_for: dict[str, str] = {}

    def answer(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, dict]:
        url = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        lower = {k.lower(): v for k, v in headers.items()}
        with self.lock:
            problem = self._check(method, url.path, query, lower, body)
            if problem:
                self.refused.append(problem)
                return 400, {"Code": "SignatureDoesNotMatch", "Message": problem,
                             "RequestId": uuid.uuid4().hex}  # fmt: skip
            code = self.code_for.pop(query["PhoneNumbers"], "OK")
            if code != "OK":
                return 200, {"Code": code, "Message": "refused by the test",
                             "RequestId": uuid.uuid4().hex}  # fmt: skip
            biz_id = f"{int(time.time())}^{uuid.uuid4().int % 10**10}"
            self.sent.append({**query, "TemplateParam": json.loads(query["TemplateParam"]),
                              "BizId": biz_id})  # fmt: skip
            return 200, {"Code": "OK", "Message": "OK", "BizId": biz_id,
                         "RequestId": uuid.uuid4().hex}  # fmt: skip

    def _check(self, method, path, query, headers, body) -> str | None:
        if (method, path) != ("POST", "/"):
            return f"{method} {path}"
        if (headers.get("x-acs-action"), headers.get("x-acs-version")) != ("SendSms", "2017-05-25"):
            return "action or version"
        authorization = headers.get("authorization", "")
        algorithm, _, rest = authorization.partition(" ")
        parts = dict(part.split("=", 1) for part in rest.split(","))
        if algorithm != "ACS3-HMAC-SHA256" or parts.get("Credential") != ALIYUN_KEY_ID:
            return "credential"
        if headers.get("x-acs-content-sha256") != hashlib.sha256(body).hexdigest():
            return "content hash"
        signed = parts.get("SignedHeaders", "").split(";")
        if not {"host", "x-acs-action", "x-acs-date", "x-acs-signature-nonce"} <= set(signed):
            return "signed headers"
        expected = acs3_signature(method, path, query, headers, signed, body, ALIYUN_KEY_SECRET)
        if not hmac.compare_digest(expected, parts.get("Signature", "")):
            return "signature"
        if query.get("SignName") != SIGN_NAME:
            return "SignName"
        number = query.get("PhoneNumbers", "")
        if not (len(number) == 11 and number.isdigit() and number.startswith("1")):
            return "PhoneNumbers"
        if not query.get("TemplateCode", "").startswith("SMS_"):
            return "TemplateCode"
        try:
            params = json.loads(query.get("TemplateParam", ""))
        except ValueError:
            return "TemplateParam"
        if not isinstance(params, dict) or any(len(str(v)) > 35 for v in params.values()):
            return "TemplateParam values"
        return None

    def to(self, number: str) -> list[dict[str, Any]]:
        with self.lock:
            return [m for m in self.sent if m["PhoneNumbers"] == number]
