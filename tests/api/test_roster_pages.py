"""The 信息比对 pages over HTTP, for each role: upload (county staff, CSRF), a run's findings
by township and category, filters, downloads (masked), a finding's page and its forms."""

from __future__ import annotations

import csv
import io

import pytest

from cases.rosters.columns import DIBAO_LAYOUT
from tests.api.console_pages import csrf_of, sign_in, token
from tests.api.test_rosters import DIBAO, REGISTERED
from tests.cases.rosters.rosters import person, write_roster


def files(folder, dibao=DIBAO, registered=REGISTERED, columns=None) -> dict:
    out = {}
    for roster, rows, kind in (("dibao", dibao, "csv"), ("registered_poor", registered, "xlsx")):
        path = write_roster(folder, roster, rows, kind=kind,
                            columns=columns if roster == "dibao" else None)  # fmt: skip
        out[roster] = (path.name, path.read_bytes())
    return out


@pytest.fixture
def county(client, staff):
    sign_in(client, "county")
    return client


@pytest.fixture
def run_id(county, tmp_path):
    csrf = token(county, "/staff/rosters")
    reply = county.post("/staff/rosters", data={"csrf_token": csrf, "on": "2025-08-01"},
                        files=files(tmp_path), follow_redirects=False)  # fmt: skip
    assert reply.status_code == 303, reply.text
    return int(reply.headers["location"].split("/")[3].split("?")[0])


def test_county_staff_upload_and_see_the_run(county, run_id):
    page = county.get(f"/staff/rosters/{run_id}")
    assert page.status_code == 200
    html = page.text
    assert "信息比对 · 2025-08-01" in html and "首次比对" in html
    assert 'id="summary"' in html and "吐祥镇" in html and "白帝镇" in html
    assert "张*山" in html and "张大山" not in html and person("a") not in html
    runs = county.get("/staff/rosters").text
    assert "dibao.csv" in runs and 'id="upload-form"' in runs


def test_upload_errors_are_shown_in_chinese(county, tmp_path):
    csrf = token(county, "/staff/rosters")
    columns = [c for c in DIBAO_LAYOUT.columns if c != "类别"]
    reply = county.post("/staff/rosters", data={"csrf_token": csrf},
                        files=files(tmp_path, columns=columns))  # fmt: skip
    assert reply.status_code == 422 and "低保名单：缺少列：类别" in reply.text
    reply = county.post("/staff/rosters", data={"csrf_token": csrf, "on": "2016-01-01"},
                        files=files(tmp_path))  # fmt: skip
    assert reply.status_code == 422 and "没有适用的低保标准" in reply.text
    reply = county.post("/staff/rosters", data={"csrf_token": "x"}, files=files(tmp_path))
    assert reply.status_code == 403


def test_filters_and_downloads(county, run_id):
    html = county.get(f"/staff/rosters/{run_id}", params={"category": "应退未退"}).text
    assert html.count('class="badge finding"') == 1 and "D1" in html
    csv_reply = county.get(f"/staff/rosters/{run_id}/export",
                           params={"format": "csv", "township": "吐祥镇"})  # fmt: skip
    rows = list(csv.reader(io.StringIO(csv_reply.content.decode("utf-8-sig"))))
    assert len(rows) == 4 and rows[1][1] == "应保未保"
    assert "赵六" not in csv_reply.text and person("d") not in csv_reply.text
    xlsx = county.get(f"/staff/rosters/{run_id}/export", params={"format": "xlsx"})
    assert xlsx.headers["content-type"].startswith("application/vnd.openxml")


def test_township_staff_see_their_own_township(client, staff, run_id):
    client.cookies.clear()
    sign_in(client, "baidi")
    assert client.get("/staff/rosters", follow_redirects=False).headers["location"] == (
        f"/staff/rosters/{run_id}")  # fmt: skip
    html = client.get(f"/staff/rosters/{run_id}").text
    assert "应扶未扶" in html and "李*花" in html and "张*山" not in html
    assert 'id="upload-form"' not in client.get("/staff/rosters", follow_redirects=True).text
    assert client.get(f"/staff/rosters/{run_id}", params={"township": "吐祥镇"}).status_code == 403
    csrf = token(client, f"/staff/rosters/{run_id}")
    assert client.post("/staff/rosters", data={"csrf_token": csrf}).status_code == 403


def test_a_finding_page_and_its_forms(client, staff, run_id):
    client.cookies.clear()
    sign_in(client, "tuxiang")
    html = client.get(f"/staff/rosters/{run_id}", params={"category": "应保未保"}).text
    finding = int(html.split('href="/staff/rosters/findings/')[1].split('"')[0])
    page = client.get(f"/staff/rosters/findings/{finding}")
    assert page.status_code == 200 and "赵六" in page.text and 'id="to-case"' in page.text
    csrf = csrf_of(page.text)
    done = client.post(f"/staff/rosters/findings/{finding}/outcome",
                       data={"csrf_token": csrf, "outcome": "核实中", "note": "约了周三入户"})  # fmt: skip
    assert "已记录处理结果：核实中" in done.text and "约了周三入户" in done.text
    made = client.post(f"/staff/rosters/findings/{finding}/case", data={"csrf_token": csrf},
                       follow_redirects=False)  # fmt: skip
    assert made.headers["location"].startswith("/staff/cases/")
    case = client.get(made.headers["location"]).text
    assert "信息比对" in case and "赵六" in case and "比对名单未载明" in case
    again = client.post(f"/staff/rosters/findings/{finding}/case", data={"csrf_token": csrf})
    assert "该结果已关联案件" in again.text
    client.cookies.clear()
    sign_in(client, "baidi")
    assert client.get(f"/staff/rosters/findings/{finding}").status_code == 404
    client.cookies.clear()
    sign_in(client, "helpline")
    assert client.get(f"/staff/rosters/{run_id}").status_code == 403


def test_should_exit_review_without_a_case_and_an_invitation(county, run_id):
    html = county.get(f"/staff/rosters/{run_id}", params={"category": "应退未退"}).text
    finding = int(html.split('href="/staff/rosters/findings/')[1].split('"')[0])
    page = county.get(f"/staff/rosters/findings/{finding}").text
    assert 'id="open-review"' in page and 'id="invite-form"' in page
    csrf = csrf_of(page)
    review = county.post(f"/staff/rosters/findings/{finding}/review", data={"csrf_token": csrf})
    assert "本系统中没有该户的案件" in review.text
    sent = county.post(f"/staff/rosters/findings/{finding}/invite",
                       data={"csrf_token": csrf, "body": "请到吐祥镇便民服务中心报告收入变化。"})  # fmt: skip
    assert "短信已放入发件箱" in sent.text and "已发送" in sent.text
