"""The simulator page in a real browser (Debian's headless Chromium, Playwright) against
uvicorn on loopback. Rasa is not running: keywords are answered at once, anything else
gets the outage notice from the outbox — both shown on the page."""

from __future__ import annotations

import os

import pytest

from cases.migrations import migrate
from channels import wording
from core.database import make_engine
from tests.browser import ARGS, CHROMIUM, require_chromium
from tests.servers import ROOT, Server, free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    require_chromium()
    workdir = tmp_path_factory.mktemp("simulator")
    database_url = f"sqlite:///{workdir / 'intake.db'}"
    migrate(make_engine(database_url))
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "ENVIRONMENT": "development",
           "RASA_URL": "http://127.0.0.1:9", "ACTION_SERVER_URL": "http://127.0.0.1:9",
           "HELPLINE_NUMBER": "023-12345", "SMS_REPLY_DEADLINE": "2"}  # fmt: skip
    command = [str(ROOT / ".venv/bin/python"), "-m", "uvicorn", "--factory", "api.main:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]  # fmt: skip
    server = Server("api", command, f"http://127.0.0.1:{port}/simulator", workdir / "api.log", env)
    server.start(timeout=60)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def test_a_person_texts_the_assistant_from_the_simulator(api):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(base_url=api, locale="zh-CN")
        page.set_default_timeout(15000)
        page.goto("/simulator")
        page.fill("#phone", "13800000077")
        page.dispatch_event("#phone", "change")
        page.fill("#text", "帮助")
        page.click("button[type=submit]")
        expect(page.locator(".msg.out").first).to_contain_text("023-12345")
        page.fill("#text", "我想申请低保")
        page.click("button[type=submit]")
        # The bot is down: the notice comes through the outbox, the page polls for it.
        expect(page.locator(".msg.out", has_text=wording.OUTAGE_NOTICE)).to_be_visible()
        assert page.locator(".msg.in").all_inner_texts() == ["帮助", "我想申请低保"]
        browser.close()


def test_a_person_speaks_as_a_wechat_follower_from_the_simulator(api):
    """The WeChat mode: 关注 is greeted in the passive reply; with Rasa down, a message gets
    the empty passive reply and then the outage notice as a 客服消息 in the outbox."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(base_url=api, locale="zh-CN")
        page.set_default_timeout(15000)
        page.goto("/simulator")
        page.select_option("#mode", "wechat")
        expect(page.locator("#wxuser")).to_be_visible()
        expect(page.locator("#phone")).to_be_hidden()
        page.fill("#wxuser", "li-laohan")
        page.dispatch_event("#wxuser", "change")
        page.click("#subscribe")
        expect(page.locator(".msg.out").first).to_contain_text("023-12345")
        page.check("#voice")
        page.fill("#text", "我想申请低保")
        page.click("button[type=submit]")
        expect(page.locator(".msg.out", has_text=wording.WECHAT_OUTAGE_NOTICE)).to_be_visible()
        assert page.locator(".msg.in").all_inner_texts() == ["（关注公众号）", "🎤 我想申请低保"]
        browser.close()
