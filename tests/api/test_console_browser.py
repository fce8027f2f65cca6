"""The console in a real browser: Debian's headless Chromium driven by Playwright against
uvicorn on a free loopback port. Screenshots of the main pages go to docs/screenshots/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlmodel import Session

from accounts.models import Role
from accounts.users import create_user
from cases.migrations import migrate
from cases.models import CaseStatus
from core.database import make_engine
from core.security import IdentityCipher
from core.settings import Settings
from tests.browser import chromium, require_chromium
from tests.console_seed import seed_demo
from tests.servers import ROOT, Server, free_port

pytestmark = pytest.mark.browser
# docs/screenshots holds the committed set; refresh it with CONSOLE_SCREENSHOTS=docs/screenshots.
SHOTS = Path(os.environ.get("CONSOLE_SCREENSHOTS", ROOT / "var" / "screenshots"))
ACCOUNTS = {"county": (Role.county_admin, None), "tuxiang": (Role.township_staff, "吐祥镇"),
            "helpline": (Role.helpline, None)}  # fmt: skip


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    require_chromium()
    workdir = tmp_path_factory.mktemp("browser")
    database_url = f"sqlite:///{workdir / 'intake.db'}"
    settings = Settings(environment="test", database_url=database_url)
    engine = make_engine(database_url)
    migrate(engine)
    with Session(engine) as session:
        for name, (role, township) in ACCOUNTS.items():
            create_user(session, username=name, password=f"password-{name}", role=role,
                        township=township)  # fmt: skip
        ids = seed_demo(session, IdentityCipher(settings.data_key))
        session.commit()
    engine.dispose()
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
        yield {"url": f"http://127.0.0.1:{port}", "database_url": database_url, **ids}
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(console):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, console):
    context = browser.new_context(
        base_url=console["url"],
        locale="zh-CN",
        viewport={"width": 1366, "height": 900},
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page, name: str) -> None:
    page.goto("/staff/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", f"password-{name}")
    page.click(".login button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_township_officer_filters_opens_and_approves_a_case_then_exports(page, console, tmp_path):
    page.goto("/staff/login")
    shot(page, "01-login")
    sign_in(page, "tuxiang")
    assert page.url.endswith("/staff/cases")
    shot(page, "02-queue")

    page.select_option("select[name=status]", "received")
    page.select_option("select[name=programme]", "dibao")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    # the filter form is posted (it carries the search box, and a search never goes in a URL)
    assert page.input_value("select[name=status]") == "received"
    rows = page.locator("#queue tbody tr")
    assert rows.count() >= 1
    assert all(t == "受理" for t in page.locator("#queue tbody .badge").all_inner_texts()
               if t != "转人工")  # fmt: skip
    page.fill("input[name=q]", "张小明")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#queue tbody tr").count() == 1
    page.click("#queue tbody tr a")
    page.wait_for_url(f"**/staff/cases/{console['main']}")
    assert "张小明" in page.inner_text("#applicant")
    assert "500236********1234" in page.inner_text("#applicant")
    assert "三(二)1" in page.inner_text("#assessment")
    assert "老汉儿" in page.inner_text("#conversation")
    shot(page, "03-case")

    for label in ("入户调查", "民主评议", "公示"):
        page.click(f"button:has-text('进入下一环节：{label}')")
        page.wait_for_load_state("networkidle")
        assert page.inner_text("#case-status") == label

    page.click("#edit-household")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=income_agriculture]", "7200")
    shot(page, "04-household")
    page.click("#household-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "已重新评估" in page.inner_text("main")

    page.select_option("#approve-form select[name=class]", "B")
    page.click("#approve-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("#case-status") == "审批通过"
    assert "B 类" in page.inner_text("#applicant")
    assert "tuxiang" in page.inner_text("#history")
    shot(page, "05-case-approved")

    page.goto("/staff/publication?programme=dibao")
    assert "张*明" in page.inner_text("#publication")
    assert "张小明" not in page.inner_text("#publication")
    shot(page, "06-publication")
    with page.expect_download() as download:
        page.click("#export-xlsx")
    target = tmp_path / "list.xlsx"
    download.value.save_as(target)
    from openpyxl import load_workbook

    sheet = load_workbook(target).active
    assert sheet["A1"].value == "吐祥镇农村低保公示名单"
    names = {sheet.cell(row=r, column=4).value for r in range(3, sheet.max_row + 1)}
    assert "张*明" in names and not any(n and "小明" in n for n in names)


def test_a_township_officer_cannot_reach_another_townships_case(page, console):
    sign_in(page, "tuxiang")
    response = page.goto(f"/staff/cases/{console['other']}")
    assert response.status == 404
    assert "没有找到这个案件" in page.inner_text("main")
    shot(page, "07-other-township-404")
    page.goto("/staff/cases")  # a search is posted: no name or number in the URL
    page.fill("#filters input[name=q]", "李四")
    page.click("#filters button[type=submit]")
    assert "李四" not in page.url
    assert page.locator("#queue tbody tr").first.inner_text() == "没有符合条件的案件。"


def test_county_pages(page, console):
    sign_in(page, "county")
    assert page.url.endswith("/staff/dashboard")
    assert page.locator("#chart-status rect.bar").count() == len(CaseStatus)  # 已退出 too
    shot(page, "08-dashboard")
    page.goto("/staff/reviews?within_days=366")
    shot(page, "09-reviews")
    page.goto("/staff/parameters")
    shot(page, "10-parameters")
    page.goto(f"/staff/cases/{console['other']}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#reveal")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("#id-number") == "500236199001011234"
    page.goto("/staff/audit")
    assert "查看完整身份证号" in page.inner_text("#audit")
    shot(page, "11-audit")
    page.goto("/staff/users")
    shot(page, "12-users")


def test_helpline_sees_status_and_policy_only(page, console):
    sign_in(page, "helpline")
    assert page.url.endswith("/staff/policy")
    shot(page, "13-policy")
    assert page.goto("/staff/cases").status == 403
    page.goto("/staff/status")
    page.fill("input[name=reference]", "FJ222222")
    page.click("#status-form button")
    page.wait_for_load_state("networkidle")
    assert "没有找到" in page.inner_text("#status-result")
