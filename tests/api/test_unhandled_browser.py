"""未处理的短信 in a real browser (Debian's headless Chromium, Playwright, uvicorn on loopback;
the console's fixtures): the assistant's failed and limited messages are where staff look —
the dashboard's count, the page with numbers masked — and leave it once marked handled."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from core.database import make_engine
from core.security import IdentityCipher
from core.settings import DEV_DATA_KEY
from tests.api.test_console_browser import browser, console, page, shot, sign_in  # noqa: F401
from tests.console_seed import seed_unhandled

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def left(console):  # noqa: F811 - the console's fixture
    engine = make_engine(console["database_url"])
    with Session(engine) as session:
        ids = seed_unhandled(session, IdentityCipher(DEV_DATA_KEY))
        session.commit()
    engine.dispose()
    return ids


def test_a_township_officer_finds_and_marks_the_unhandled_messages(page, left):  # noqa: F811
    sign_in(page, "tuxiang")
    page.goto("/staff/dashboard")
    assert page.inner_text("#unhandled-count") == "2"
    page.click("#unhandled-count")
    page.wait_for_url("**/staff/messages*")
    rows = page.locator("#unhandled tbody tr")
    assert rows.count() == 2
    table = page.inner_text("#unhandled")
    assert "+86137****0011" in table and "500236********4419" in table
    assert "快点回我" not in table  # another township's
    shot(page, "14-messages")
    rows.filter(has_text="我屋头的情况变了").locator("button").click()
    page.wait_for_load_state("networkidle")
    assert "已标记为已处理" in page.inner_text("main")
    assert page.locator("#unhandled tbody tr").count() == 1
    assert page.inner_text("#unhandled-total") == "1"


def test_county_staff_see_every_number_and_filter_by_township(page, left):  # noqa: F811
    sign_in(page, "county")
    page.click("nav a:has-text('未处理短信')")
    page.wait_for_url("**/staff/messages")
    table = page.inner_text("#unhandled")
    assert "测试 1" in table and "未立案" in table and "快点回我" in table
    page.select_option("select[name=township]", "白帝镇")
    page.click("main form.row button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#unhandled tbody tr").count() == 1
    assert "快点回我" in page.inner_text("#unhandled")
