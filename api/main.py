"""The FastAPI app: the channels' webhooks (Twilio, WeChat, the SMS carrier), staff pages,
JSON API."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.engine import Engine

from api import errors, limits, pages
from api.routes import (
    admin,
    aliyun_sms,
    assess,
    auth,
    cases,
    dynamic,
    health,
    messages,
    procedure,
    reports,
    rosters,
    twilio_sms,
    twilio_status,
    twilio_voice,
    wechat,
)
from cases.dynamic.scheduler import SchedulerService
from cases.migrations import migrate
from channels.handover import ChannelService
from core.database import make_engine
from core.masking import mask_logs
from core.settings import Settings, get_settings

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The channels' background workers (outbox sender, replay) and the scheduler of 动态管理
    (reviews, reminders) run with the app."""
    await app.state.channels.start(workers=app.state.channel_workers)
    await app.state.scheduler.start(workers=app.state.channel_workers)
    try:
        yield
    finally:
        await app.state.scheduler.stop()
        await app.state.channels.stop()


def create_app(
    settings: Settings | None = None, engine: Engine | None = None, *, workers: bool | None = None
) -> FastAPI:
    """`workers`: run the outbox and replay loops (default: CHANNEL_WORKERS); tests that
    drive them step by step pass False."""
    settings = settings or get_settings()
    mask_logs("", "uvicorn", "uvicorn.access", "uvicorn.error")  # no full number in any log
    if engine is None:
        engine = make_engine(settings.database_url)
        migrate(engine)
    app = FastAPI(
        title="Fengjie social-assistance intake",
        description="农村低保 intake assistant: Twilio, WeChat and SMS-carrier webhooks, staff "
        "console and JSON API.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.channels = ChannelService(settings, engine)
    app.state.channel_workers = settings.channel_workers if workers is None else workers
    app.state.scheduler = SchedulerService(settings, engine)
    for router in (health.router, auth.router, cases.router):
        app.include_router(router)
    errors.install(app)
    limits.install(app)
    for router in (
        procedure.router,
        reports.router,
        rosters.router,
        messages.router,
        admin.router,
        dynamic.router,
    ):
        app.include_router(router)
    pages.install(app)
    for router in (twilio_sms.router, twilio_voice.router, twilio_status.router, wechat.router,
                   aliyun_sms.router):  # fmt: skip
        app.include_router(router)
    if settings.is_development:
        from api.routes import simulator

        app.include_router(simulator.router)
    app.include_router(assess.router)
    return app
