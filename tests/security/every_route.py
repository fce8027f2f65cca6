"""What the schemathesis run over every route needs (issue 13): the schema of every route the
app serves, the staff pages included, and each generated request sent the way its real
caller sends it — Twilio's and WeChat's signed, the SMS carrier's with its secret, the JSON API's with a county admin's bearer token, the
console's with a session cookie and the form's CSRF token — through the real ASGI app.

The staff pages are left out of the app's OpenAPI schema (they answer HTML to a browser);
`every_route_schema` adds them back, each form with the `csrf_token` field every form posts.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import requests
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from sqlmodel import Session, select
from twilio.request_validator import RequestValidator
from wechatpy.utils import WeChatSigner

from accounts.models import User
from accounts.sessions import open_session
from accounts.tokens import create_access_token
from api.pages.auth import COOKIE, LOGIN_COOKIE, _sign
from channels.wechat.signature import signing_token
from core.settings import Settings

FORM = "application/x-www-form-urlencoded"
CSRF_FIELD = {"type": "string", "title": "Csrf Token"}


def hidden_routes() -> list[APIRoute]:
    """The routes the app serves but leaves out of its schema: the console, the simulator's
    page."""
    from api.pages import ROUTERS
    from api.routes import simulator

    routes = [route for router in (*ROUTERS, simulator.router) for route in router.routes]
    return [r for r in routes if isinstance(r, APIRoute) and not r.include_in_schema]


def every_route_schema(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI schema with the hidden routes added, every console form with its
    CSRF field."""
    schema = copy.deepcopy(app.openapi())
    shown = []
    for route in hidden_routes():
        visible = copy.copy(route)
        visible.include_in_schema = True
        shown.append(visible)
    pages = get_openapi(title=app.title, version=app.version, routes=shown)
    components = pages.get("components", {}).get("schemas", {})
    for path, operations in pages["paths"].items():
        for method, operation in operations.items():
            if method == "post":
                _with_csrf_field(operation, components)
        schema["paths"].setdefault(path, {}).update(operations)
    schema.setdefault("components", {}).setdefault("schemas", {}).update(components)
    return schema


def _with_csrf_field(operation: dict[str, Any], components: dict[str, Any]) -> None:
    content = operation.setdefault("requestBody", {"required": True}).setdefault("content", {})
    body = content.setdefault(FORM, {"schema": {"type": "object", "properties": {}}})["schema"]
    if "$ref" in body:
        body = components[body["$ref"].rsplit("/", 1)[-1]]
    body.setdefault("properties", {})["csrf_token"] = CSRF_FIELD
    body["required"] = sorted({*body.get("required", []), "csrf_token"})


def signed_in(engine, settings: Settings, username: str) -> tuple[dict[str, str], str, str]:
    """`username`'s bearer header, console session cookie and CSRF token, from the store
    (no argon2, no login form)."""
    with Session(engine) as session:
        user = session.exec(select(User).where(User.username == username)).one()
        secret, row = open_session(session, user, minutes=30)
        session.commit()
        token = create_access_token(user, secret_key=settings.secret_key, minutes=30)
        cookie = _sign(secret, settings, row.expires_at)
        return {"Authorization": f"Bearer {token}"}, cookie, row.csrf_token


class Caller:
    """Sends a schemathesis case through `client` as its real caller would."""

    def __init__(self, client, settings: Settings, engine, username: str):
        self.client, self.settings, self.engine, self.username = client, settings, engine, username
        self.login_token = client.get("/staff/login").cookies.get(LOGIN_COOKIE) or ""

    def send(self, case) -> httpx.Response:
        # Fresh credentials each time: a generated request may reset the admin's own password
        # or log out.
        bearer, cookie, csrf = signed_in(self.engine, self.settings, self.username)
        if isinstance(case.body, dict) and case.path.startswith("/staff/"):
            case.body["csrf_token"] = self.login_token if case.path == "/staff/login" else csrf
        kwargs = case.as_transport_kwargs(base_url="http://testserver")
        prepared = requests.Request(
            method=kwargs["method"], url=kwargs["url"], params=kwargs.get("params"),
            data=kwargs.get("data"), json=kwargs.get("json"), files=kwargs.get("files"),
            headers=kwargs.get("headers"), cookies=kwargs.get("cookies"),
        ).prepare()  # fmt: skip
        headers = {**prepared.headers, **bearer}
        headers["Cookie"] = f"{COOKIE}={cookie}; {LOGIN_COOKIE}={self.login_token}"
        url = urlsplit(prepared.url)
        target = url.path + (f"?{url.query}" if url.query else "")
        body = prepared.body.encode() if isinstance(prepared.body, str) else prepared.body
        if url.path.startswith("/twilio/"):
            headers["X-Twilio-Signature"] = self.twilio_signature(target, headers, body)
        if url.path in ("/wechat", "/aliyun/sms/report", "/aliyun/sms/reply"):
            target = url.path + "?" + urlencode(self.china_query(url.path, url.query))
        return self.client.request(
            prepared.method, target, content=body, headers=headers, follow_redirects=False
        )

    def china_query(self, path: str, query: str) -> dict[str, str]:
        """The query WeChat signs (its signature over the token, timestamp and nonce), or
        the carrier's callback URL with its secret."""
        params = dict(parse_qsl(query, keep_blank_values=True))
        if path == "/wechat":
            timestamp, nonce = params.get("timestamp") or "1", params.get("nonce") or "n"
            signer = WeChatSigner()
            signer.add_data(signing_token(self.settings), timestamp, nonce)
            return {**params, "timestamp": timestamp, "nonce": nonce,
                    "signature": signer.signature}  # fmt: skip
        return {**params, "token": self.settings.aliyun_callback_token or ""}

    def twilio_signature(self, target: str, headers: dict[str, str], body: bytes | None) -> str:
        """X-Twilio-Signature as Twilio computes it: the URL it was told to call and the
        POST parameters (form-encoded bodies only: Twilio sends no other kind)."""
        params: dict[str, str] = {}
        if body and headers.get("Content-Type", "").startswith(FORM):
            params = dict(parse_qsl(body.decode("latin-1"), keep_blank_values=True))
        url = self.settings.public_base_url.rstrip("/") + target
        return RequestValidator(self.settings.twilio_auth_token).compute_signature(url, params)


def refusal_problem(path: str, response: httpx.Response) -> str | None:
    """What is wrong with an answer, or None: a 5xx (but /healthz's documented 503 when Rasa
    is not running), or a refusal of input (400, 422, or a 403 naming a field) that is not
    the one error body of `api.errors` naming the field."""
    status = response.status_code
    if path == "/healthz" and status == 503 and response.json().get("status") == "degraded":
        return None
    if status >= 500:
        return f"server error {status}"
    if not response.headers.get("content-type", "").startswith("application/json"):
        return None  # the console's pages answer their error page in Chinese
    if status in (400, 422):
        detail = response.json().get("detail")
        if not isinstance(detail, list) or not detail:
            return f"{status} without the one error body: {response.text[:200]}"
        for item in detail:
            if not isinstance(item, dict) or not item.get("field") or "message" not in item:
                return f"{status} not naming the field: {response.text[:200]}"
    return None
