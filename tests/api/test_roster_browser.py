"""信息比对 in a real browser (Debian's headless Chromium through Playwright, against uvicorn
on a free loopback port): county staff upload the two rosters, read the findings by
township and category, download them (masked); a township officer records an outcome and
opens a case from a finding. Screenshots go to var/screenshots/ (docs/screenshots/ with
CONSOLE_SCREENSHOTS=docs/screenshots)."""

from __future__ import annotations

import os

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from accounts.models import Role
from accounts.users import create_user
from tests.api.test_console_browser import SHOTS
from tests.api.test_rosters import DIBAO, REGISTERED
from tests.browser import chromium, require_chromium
from tests.cases.rosters.rosters import person, write_roster
from tests.servers import ROOT, Server, free_port

pytestmark = pytest.mark.browser
ACCOUNTS = {"county": (Role.county_admin, None), "tuxiang": (Role.township_staff, "吐祥镇")}


@pytest.fixture(scope="module")
def console(tmp_path_factory, fresh_store):
    require_chromium()
    workdir = tmp_path_factory.mktemp("roster-browser")
    database_url, engine = fresh_store(workdir)
    with Session(engine) as session:
        for name, (role, township) in ACCOUNTS.items():
            create_user(session, username=name, password=f"password-{name}", role=role,
                        township=township)  # fmt: skip
        session.commit()
    engine.dispose()
    rosters = workdir / "rosters"
    rosters.mkdir()
    files = {"dibao": write_roster(rosters, "dibao", DIBAO, title="奉节县低保名单"),
             "registered_poor": write_roster(rosters, "registered_poor", REGISTERED,
                                             kind="xlsx", numbers=True)}  # fmt: skip
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
        yield {"url": f"http://127.0.0.1:{port}", "files": files}
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(console):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, console):
    context = browser.new_context(base_url=console["url"], locale="zh-CN",
                                  viewport={"width": 1366, "height": 900}, accept_downloads=True)  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(20000)
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


def test_upload_findings_export_outcome_and_a_case(page, console, tmp_path):
    sign_in(page, "county")
    page.click("nav a:has-text('信息比对')")
    page.wait_for_url("**/staff/rosters")
    page.set_input_files("#upload-form input[name=dibao]", str(console["files"]["dibao"]))
    page.set_input_files("#upload-form input[name=registered_poor]",
                         str(console["files"]["registered_poor"]))  # fmt: skip
    page.fill("#upload-form input[name=on]", "2025-08-01")
    shot(page, "14-rosters-upload")
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/staff/rosters/*")
    assert "比对完成：共 4 条比对结果" in page.inner_text("main")

    # findings by township and category
    summary = page.inner_text("#summary")
    assert "吐祥镇" in summary and "白帝镇" in summary
    totals = page.locator("#summary tfoot th").all_inner_texts()
    assert totals == ["全县", "1", "1", "1", "1", "4"]
    shot(page, "15-rosters-findings")
    page.select_option("#filters select[name=category]", "应退未退")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    rows = page.locator("#findings tbody tr")
    assert rows.count() == 1 and "张*山" in rows.inner_text()
    assert "张大山" not in page.content() and person("a") not in page.content()

    # the download keeps the filter and is masked
    with page.expect_download() as download:
        page.click("#export-xlsx")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    sheet = load_workbook(saved, read_only=True).active
    cells = [[v for v in row] for row in sheet.iter_rows(values_only=True)]
    assert len(cells) == 2 and cells[1][1] == "应退未退" and cells[1][8] == "张*山"
    assert person("a") not in str(cells)

    # a township officer: their own township's findings, an outcome, a case in one step
    page.click("header form button[type=submit]")  # 退出
    sign_in(page, "tuxiang")
    page.click("nav a:has-text('信息比对')")
    page.wait_for_url("**/staff/rosters/*")
    assert "白帝镇" not in page.inner_text("#summary")
    page.select_option("#filters select[name=category]", "应保未保")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.click("#findings tbody tr a:has-text('处理')")
    page.wait_for_url("**/staff/rosters/findings/*")
    assert page.inner_text("#head") == "赵六"
    page.select_option("#outcome-form select[name=outcome]", "核实中")
    page.fill("#outcome-form input[name=note]", "已电话联系，约周三入户")
    page.click("#outcome-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("#outcome") == "核实中"
    assert "约周三入户" in page.inner_text("#outcome-note")
    shot(page, "16-rosters-finding")
    page.click("#to-case button[type=submit]")
    page.wait_for_url("**/staff/cases/*")
    assert "已根据比对结果立案" in page.inner_text("main")
    assert "赵六" in page.inner_text("#applicant") and "信息比对" in page.inner_text("#applicant")
    assert "比对名单未载明" in page.inner_text("#assessment")
    shot(page, "17-rosters-case")
