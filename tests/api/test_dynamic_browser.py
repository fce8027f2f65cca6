"""The review and monitoring lists in a real browser (Debian's headless Chromium, Playwright)
against uvicorn on a free loopback port: a township officer sees their township's reviews
(answered first, 未回复 for a visit), compares before and after, decides; records a
monitoring event and sees it with its 临时救助. Screenshots go to var/screenshots/ (or
CONSOLE_SCREENSHOTS).

    .venv/bin/pytest -m browser tests/api/test_dynamic_browser.py
"""

from __future__ import annotations

import copy
import os
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session

from accounts.models import Role
from accounts.users import create_user
from cases.dynamic import reviews
from cases.revisions import latest_household
from core.security import IdentityCipher
from core.settings import Settings
from tests.browser import chromium, require_chromium
from tests.cases.dynamic.helpers import approved_case
from tests.servers import ROOT, Server, free_port

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("CONSOLE_SCREENSHOTS", ROOT / "var" / "screenshots"))
APPROVED = date(2026, 3, 2)


@pytest.fixture(scope="module")
def console(tmp_path_factory, fresh_store):
    require_chromium()
    workdir = tmp_path_factory.mktemp("dynamic-browser")
    database_url, engine = fresh_store(workdir)
    settings = Settings(environment="test", database_url=database_url)
    cipher = IdentityCipher(settings.data_key)
    with Session(engine) as session:
        create_user(session, username="tuxiang", password="password-tuxiang",
                    role=Role.township_staff, township="吐祥镇")  # fmt: skip
        answered = approved_case(session, cipher, approved_on=APPROVED, name="张小明")
        silent = approved_case(session, cipher, approved_on=APPROVED, name="王德福",
                               phone=None, id_number="500236195001012001")  # fmt: skip
        elsewhere = approved_case(session, cipher, approved_on=APPROVED, name="李四",
                                  township="白帝镇", phone="+8613900000002",
                                  id_number="500236199001011235")  # fmt: skip
        review = reviews.open_review(session, answered, started_by="schedule", settings=settings)
        household = copy.deepcopy(latest_household(session, answered.id).household)
        household["income"]["wages"] = 50000
        household["receiving_dibao"] = True
        reviews.record_answers(session, review, household=household,
                               changes={"topics": ["income"], "said": ["儿子打工一年挣五万"]})  # fmt: skip
        reviews.open_review(session, silent, started_by="schedule", settings=settings)
        reviews.open_review(session, elsewhere, started_by="schedule", settings=settings)
        session.commit()
        ids = {"review": review.id, "answered": answered.reference, "silent": silent.reference,
               "elsewhere": elsewhere.reference}  # fmt: skip
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "ENVIRONMENT": "test",
           "CHANNEL_WORKERS": "false", "RASA_URL": "http://127.0.0.1:9",
           "ACTION_SERVER_URL": "http://127.0.0.1:9"}  # fmt: skip
    command = [str(ROOT / ".venv/bin/python"), "-m", "uvicorn", "--factory", "api.main:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]  # fmt: skip
    server = Server("api", command, f"http://127.0.0.1:{port}/staff/login",
                    workdir / "api.log", env)  # fmt: skip
    server.start(timeout=60)
    try:
        yield {"url": f"http://127.0.0.1:{port}", **ids}
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(console):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, console):
    context = browser.new_context(base_url=console["url"], locale="zh-CN",
                                  viewport={"width": 1366, "height": 900})  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(15000)
    page.on("dialog", lambda dialog: dialog.accept())  # the data-confirm questions
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page) -> None:
    page.goto("/staff/login")
    page.fill("input[name=username]", "tuxiang")
    page.fill("input[name=password]", "password-tuxiang")
    page.click(".login button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_the_review_list_compare_and_decide(page, console):
    sign_in(page)
    page.click("nav a:has-text('到期复查')")
    page.wait_for_url("**/staff/reviews")
    rows = page.locator("#review-list tbody tr")
    assert rows.count() == 2  # 白帝镇's review is not shown
    first, second = rows.nth(0).inner_text(), rows.nth(1).inner_text()
    assert console["answered"] in first and "已回复待决定" in first  # act on answers first
    assert console["silent"] in second and "未回复" in second and "没有电话" in second
    assert console["elsewhere"] not in page.inner_text("#review-list")
    assert "张*明" in first and "张小明" not in first  # names masked
    shot(page, "18-reviews")
    rows.nth(0).locator("a:has-text('决定')").click()
    page.wait_for_url(f"**/staff/reviews/{console['review']}")
    compare = page.inner_text("#compare")
    assert "复查前后评估对比" in compare and "建议退出低保" in compare
    dibao = page.locator("#compare tr[data-programme=dibao]").inner_text()
    assert "符合" in dibao and "不符合" in dibao
    assert "儿子打工一年挣五万" in page.inner_text("#changes")
    shot(page, "19-review-compare")
    page.select_option("#exit-form select[name=exit_reason]", "income_above_standard")
    page.click("#exit-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("#decision") == "退出低保"
    assert "已退出低保" in page.inner_text("body") or "已决定" in page.inner_text("body")


def test_the_monitoring_list_records_an_event_with_temporary_assistance(page, console):
    sign_in(page)
    page.click("nav a:has-text('返贫监测')")
    page.wait_for_url("**/staff/monitoring")
    assert "没有监测事件" in page.inner_text("#monitoring")
    page.fill("#monitoring-form input[name=reference]", console["answered"])
    page.select_option("#monitoring-form select[name=kind]", "disaster")
    page.check("#monitoring-form input[name=unsustainable]")
    page.fill("#monitoring-form input[name=note]", "房子遭洪水冲垮")
    page.click("#monitoring-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "已登记" in page.inner_text(".flash.ok")
    row = page.locator("#monitoring tbody tr").first.inner_text()
    assert console["answered"] in row and "自然灾害" in row and "生活难以为继" in row
    assert "已退出低保" in row  # a household that left stays under monitoring
    assert page.locator("#monitoring tbody tr").first.locator(".badge").last.inner_text() in (
        "符合条件", "需核实")  # fmt: skip
    shot(page, "20-monitoring")
    # Another township's case cannot be recorded from here.
    page.fill("#monitoring-form input[name=reference]", console["elsewhere"])
    page.click("#monitoring-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "不属于您所在的乡镇" in page.inner_text(".flash.error")
    page.click("#monitoring tbody tr >> nth=0 >> button:has-text('标记已处理')")
    page.wait_for_load_state("networkidle")
    assert "已处理" in page.locator("#monitoring tbody tr").first.inner_text()
