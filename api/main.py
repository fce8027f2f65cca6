"""The FastAPI app: Twilio webhooks, staff pages, JSON API."""

from __future__ import annotations

import importlib
import logging

from fastapi import FastAPI
from sqlalchemy.engine import Engine

from api.routes import auth, cases, health
from cases.config import Settings, get_settings
from cases.db import make_engine, migrate

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    if engine is None:
        engine = make_engine(settings.database_url)
        migrate(engine)
    app = FastAPI(
        title="Fengjie social-assistance intake",
        description="农村低保 intake assistant: Twilio webhooks, staff console and JSON API.",
        version="0.1.0",
    )
    app.state.settings = settings
    app.state.engine = engine
    for router in (health.router, auth.router, cases.router):
        app.include_router(router)
    for optional in ("api.routes.assess",):
        try:
            app.include_router(importlib.import_module(optional).router)
        except ModuleNotFoundError as error:
            if error.name != optional:
                raise
            log.warning("%s not available", optional)
    return app
