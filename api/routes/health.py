"""GET /healthz: the store, the Rasa server and the action server."""

from __future__ import annotations

import httpx
from fastapi import APIRouter, Response
from sqlalchemy import text

from api.deps import SessionDep, SettingsDep

router = APIRouter(tags=["health"])


async def _probe(url: str, headers: dict | None = None) -> str:
    try:
        async with httpx.AsyncClient(timeout=2.0) as client:
            reply = await client.get(url, headers=headers)
        return "ok" if reply.status_code == 200 else f"http {reply.status_code}"
    except httpx.HTTPError as error:
        return f"down ({type(error).__name__})"


@router.get("/healthz")
async def healthz(session: SessionDep, settings: SettingsDep, response: Response) -> dict:
    try:
        session.exec(text("SELECT 1")).one()
        store = "ok"
    except Exception as error:  # noqa: BLE001 - any store failure is reported, not raised
        store = f"down ({type(error).__name__})"
    checks = {
        "store": store,
        "rasa": await _probe(f"{settings.rasa_url}/status?token={settings.rasa_token}"),
        "action_server": await _probe(f"{settings.action_server_url}/health"),
    }
    healthy = all(value == "ok" for value in checks.values())
    response.status_code = 200 if healthy else 503
    return {"status": "ok" if healthy else "degraded", **checks}
