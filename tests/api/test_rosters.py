"""The roster cross-check through the JSON API, for each role: upload and keep a run (county
staff), findings by township and category, filters, exports (masked), outcomes, a case
from a finding, a review of the household's case, an SMS invitation; the 4xx answers."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from cases.models import CaseStatus
from cases.procedure import move
from cases.rosters.columns import DIBAO_LAYOUT
from tests.cases.rosters.rosters import dibao_rows, person, registered_rows, write_roster
from tests.conftest import login
from tests.console_seed import file_assessed

DIBAO = dibao_rows(
    {"低保户编号": "D1", "乡镇": "吐祥镇", "身份证号": "a", "姓名": "张大山",
     "家庭月人均收入": 700, "联系电话": "13800000001"},
    {"低保户编号": "D2", "乡镇": "白帝镇", "身份证号": "b", "姓名": "李小花",
     "家庭月人均收入": 100, "劳动能力": "有"},
    {"低保户编号": "D3", "乡镇": "吐祥镇", "身份证号": "bad:c", "姓名": "王五"},
)  # fmt: skip
REGISTERED = registered_rows(
    {"户编号": "R1", "乡镇": "吐祥镇", "身份证号": "d", "姓名": "赵六", "年人均纯收入": 3000},
)


def upload(client, headers, folder, dibao=DIBAO, registered=REGISTERED, columns=None, **data):
    files = {}
    for roster, rows, kind in (("dibao", dibao, "csv"), ("registered_poor", registered, "xlsx")):
        path = write_roster(folder, roster, rows, kind=kind,
                            columns=columns if roster == "dibao" else None)  # fmt: skip
        files[roster] = (f"{roster}名单.{kind}", path.read_bytes())
    return client.post("/api/rosters/runs", files=files, data=data, headers=headers)


@pytest.fixture
def run(client, staff, tmp_path):
    reply = upload(client, login(client, "county"), tmp_path, on="2025-08-01")
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_county_staff_upload_and_keep_a_run(client, run):
    assert run["run"]["on"] == "2025-08-01" and run["run"]["run_by"] == "county"
    assert run["run"]["dibao_file"] == "dibao名单.csv" and len(run["run"]["dibao_sha256"]) == 64
    assert run["counts"] == {"应保未保": 1, "应扶未扶": 1, "应退未退": 1, "信息不一致": 1}
    assert {t["township"]: t["total"] for t in run["by_township"]} == {"吐祥镇": 3, "白帝镇": 1}
    assert run["errors"] == [] and run["new"] == 0 and run["resolved"] == 0
    runs = client.get("/api/rosters/runs", headers=login(client, "county")).json()
    assert [r["id"] for r in runs] == [run["run"]["id"]] and runs[0]["error_count"] == 0


def test_only_county_staff_run_a_check(client, staff, tmp_path):
    for name, code in (("tuxiang", 403), ("helpline", 403)):
        assert upload(client, login(client, name), tmp_path).status_code == code
    assert upload(client, {}, tmp_path).status_code == 401
    assert client.get("/api/rosters/runs", headers=login(client, "tuxiang")).status_code == 403


def test_a_missing_column_or_an_unreadable_file_is_422_naming_the_roster(client, staff, tmp_path):
    headers = login(client, "county")
    columns = [c for c in DIBAO_LAYOUT.columns if c != "家庭月人均收入"]
    reply = upload(client, headers, tmp_path, columns=columns)
    assert reply.status_code == 422
    assert reply.json()["detail"][0] == {"field": "dibao", "message": "缺少列：家庭月人均收入",
                                         "loc": ["body", "dibao"], "type": "value_error"}  # fmt: skip
    files = {"dibao": ("d.csv", b"PK\x03\x04junk"), "registered_poor": ("r.csv", b"x")}
    reply = client.post("/api/rosters/runs", files=files, headers=headers)
    assert reply.status_code == 422 and reply.json()["detail"][0]["field"] == "dibao"
    reply = client.post("/api/rosters/runs", files={"dibao": ("d.csv", b"a,b")}, headers=headers)
    assert reply.status_code == 422 and reply.json()["detail"][0]["field"] == "registered_poor"
    reply = upload(client, headers, tmp_path, on="2016-06-30")
    assert reply.status_code == 422 and reply.json()["detail"][0]["field"] == "on"
    assert client.get("/api/rosters/runs", headers=headers).json() == []  # nothing kept


def test_township_staff_see_their_own_townships_findings(client, run):
    headers = login(client, "tuxiang")
    latest = client.get("/api/rosters/latest", headers=headers).json()
    assert latest["township"] == "吐祥镇" and latest["errors"] == []
    assert latest["counts"] == {"应保未保": 1, "应扶未扶": 0, "应退未退": 1, "信息不一致": 1}
    run_id = run["run"]["id"]
    page = client.get(f"/api/rosters/runs/{run_id}/findings", headers=headers).json()
    assert page["total"] == 3 and {f["township"] for f in page["items"]} == {"吐祥镇"}
    other = client.get(f"/api/rosters/runs/{run_id}/findings", params={"township": "白帝镇"},
                       headers=headers)  # fmt: skip
    assert other.status_code == 403 and other.json()["detail"][0]["field"] == "township"
    baidi = client.get(f"/api/rosters/runs/{run_id}/findings", headers=login(client, "baidi"))
    [only] = baidi.json()["items"]
    assert only["category"] == "应扶未扶"
    hidden = client.get(f"/api/rosters/findings/{page['items'][0]['id']}",
                        headers=login(client, "baidi"))  # fmt: skip
    assert hidden.status_code == 404
    assert client.get("/api/rosters/latest", headers=login(client, "helpline")).status_code == 403
    assert client.get("/api/rosters/runs/999", headers=headers).status_code == 404


def test_filters_and_exports_masked(client, run):
    headers = login(client, "county")
    url = f"/api/rosters/runs/{run['run']['id']}/findings"
    page = client.get(url, params={"category": "信息不一致", "kind": "bad_id"}, headers=headers)
    [bad] = page.json()["items"]
    assert bad["households"] == [{"roster": "dibao", "household": "D3", "township": "吐祥镇"}]
    assert client.get(url, params={"category": "x"}, headers=headers).status_code == 422
    exported = client.get(url, params={"format": "csv", "township": "吐祥镇"}, headers=headers)
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][-3:] == ["本期新增", "处理结果", "处理说明"] and len(rows) == 4
    xlsx = client.get(url, params={"format": "xlsx"}, headers=headers)
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).active
    cells = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    for text in (exported.text, cells):
        assert "张大山" not in text and "赵六" not in text
        for letter in "abd":
            assert person(letter) not in text
    assert "张*山" in cells


def test_outcome_case_review_and_invitation(client, run, engine, cipher):
    headers = login(client, "tuxiang")
    items = client.get(f"/api/rosters/runs/{run['run']['id']}/findings", headers=headers).json()
    by = {f["category"]: f["id"] for f in items["items"]}
    url = "/api/rosters/findings/{}/{}".format

    done = client.post(url(by["应退未退"], "outcome"), json={"outcome": "核实中", "note": "已约"},
                       headers=headers)  # fmt: skip
    assert done.status_code == 200 and done.json()["outcome"] == "核实中"
    assert client.post(url(by["应退未退"], "outcome"), json={"outcome": "ok"},
                       headers=headers).status_code == 422  # fmt: skip

    assert client.post(url(by["应退未退"], "review"), headers=headers).status_code == 409
    with Session(engine) as session:
        case = file_assessed(session, cipher, name="张大山", id_number=person("a"))
        for step in (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised):
            move(session, case, to=step, actor="tuxiang")
        move(session, case, to=CaseStatus.approved, actor="tuxiang", klass="B")
        session.commit()
        case_id = case.id
    detail = client.get(f"/api/rosters/findings/{by['应退未退']}", headers=headers).json()
    assert [c["id"] for c in detail["cases"]] == [case_id] and detail["has_phone"] is True
    reviewed = client.post(url(by["应退未退"], "review"), headers=headers)
    assert (
        reviewed.status_code == 200
        and reviewed.json()["next_review_on"] == date.today().isoformat()
    )

    made = client.post(url(by["应保未保"], "case"), headers=headers)
    assert made.status_code == 201 and made.json()["created"] is True
    case = client.get(f"/api/cases/{made.json()['case_id']}", headers=headers).json()
    assert case["channel"] == "crosscheck" and case["applicant"]["name"] == "赵六"
    assert case["applicant"]["id_number_masked"] == person("d")[:6] + "********" + person("d")[-4:]
    assert client.post(url(by["应保未保"], "case"), headers=headers).status_code == 409
    assert client.post(url(by["信息不一致"], "case"), headers=headers).status_code == 409

    sent = client.post(url(by["应退未退"], "invitation"), json={}, headers=headers)
    assert sent.status_code == 201 and "报告家庭收入" in sent.json()["body"]
    no_phone = client.post(url(by["应保未保"], "invitation"), json={"body": "请来窗口"},
                           headers=headers)  # fmt: skip
    assert no_phone.status_code == 422 and no_phone.json()["detail"][0]["field"] == "phone"
    audit = client.get("/api/audit", headers=login(client, "county")).json()["items"]
    actions = {e["action"] for e in audit}
    assert {"roster_run", "roster_view", "roster_outcome", "roster_case", "review_requested",
            "roster_invite", "filed"} <= actions  # fmt: skip


def test_the_next_run_says_what_is_new_and_resolved(client, run, tmp_path):
    headers = login(client, "county")
    (tmp_path / "q4").mkdir()
    dibao = [DIBAO[0], {**DIBAO[1], "家庭月人均收入": "500"}, DIBAO[2]]
    second = upload(client, headers, tmp_path / "q4", dibao=dibao, on="2025-11-01").json()
    assert second["run"]["previous_run_id"] == run["run"]["id"]
    assert (second["new"], second["resolved"]) == (0, 1)
    gone = client.get(f"/api/rosters/runs/{second['run']['id']}/resolved", headers=headers)
    assert [(f["category"], f["household"]) for f in gone.json()] == [("应扶未扶", "D2")]
    mine = client.get(f"/api/rosters/runs/{second['run']['id']}/resolved",
                      headers=login(client, "tuxiang"))  # fmt: skip
    assert mine.json() == []
