"""GET /healthz: the store, the Rasa server (each of them, with RASA_URLS) and the action
server."""

from __future__ import annotations

import asyncio

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
    servers = settings.rasa_servers
    probes = await asyncio.gather(
        *(_probe(f"{url}/status?token={settings.rasa_token}") for url in servers),
        _probe(f"{settings.action_server_url}/health"),
    )
    rasa = dict(zip(servers, probes[:-1], strict=True))
    checks = {
        "store": store,
        "rasa": _rasa_summary(rasa),
        "action_server": probes[-1],
    }
    healthy = all(value == "ok" for value in checks.values())
    response.status_code = 200 if healthy else 503
    several = {"rasa_servers": rasa} if len(rasa) > 1 else {}
    return {"status": "ok" if healthy else "degraded", **checks, **several}


def _rasa_summary(rasa: dict[str, str]) -> str:
    """`ok` when every Rasa server answers, else what the others said (one server: its own)."""
    if len(rasa) == 1:
        return next(iter(rasa.values()))
    bad = [f"{url} {state}" for url, state in rasa.items() if state != "ok"]
    return "; ".join(bad) if bad else "ok"
