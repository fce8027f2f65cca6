"""`intake roster check`, run as the real console script: the JSON as the issue gives it,
the table with --out (masked), exit 2 for a missing column or a file that cannot be read."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cases.rosters.columns import DIBAO_LAYOUT
from tests.cases.rosters.rosters import dibao_rows, person, registered_rows, write_roster

INTAKE = Path(sys.executable).with_name("intake")
FIRST_THREE = ["category", "clause", "roster", "household", "township", "village", "head_name",
               "head_id_masked", "reason"]  # fmt: skip
INCONSISTENT = ["category", "kind", "households", "rows", "id_masked", "reason"]


def intake(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(INTAKE), "roster", "check", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)  # fmt: skip


@pytest.fixture
def rosters(tmp_path) -> dict[str, Path]:
    dibao = dibao_rows(
        {"低保户编号": "D1", "身份证号": "a", "姓名": "张大山", "家庭月人均收入": 700},
        {"低保户编号": "D2", "身份证号": "b", "姓名": "李小花", "家庭月人均收入": "不详"},
        {"低保户编号": "D3", "身份证号": "c", "姓名": "王老三", "家庭月人均收入": 100,
         "劳动能力": "有"},
    )  # fmt: skip
    registered = registered_rows(
        {"户编号": "R1", "身份证号": "d", "姓名": "赵六", "年人均纯收入": 3000},
        {"户编号": "R2", "身份证号": "c", "姓名": "王老二", "年人均纯收入": 9000},
    )
    return {
        "dibao": write_roster(tmp_path, "dibao", dibao, title="低保名单"),
        "registered_poor": write_roster(
            tmp_path, "registered_poor", registered, kind="xlsx", numbers=True
        ),  # fmt: skip
    }


def test_the_json_is_the_issues(rosters):
    done = intake("--dibao", str(rosters["dibao"]), "--registered-poor",
                  str(rosters["registered_poor"]), "--on", "2025-08-01")  # fmt: skip
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert list(output) == ["on", "standard", "poverty_line", "counts", "findings", "errors"]
    assert (output["on"], output["standard"], output["poverty_line"]) == ("2025-08-01", 630, 4000)
    assert output["counts"] == {"应保未保": 1, "应扶未扶": 0, "应退未退": 1, "信息不一致": 1}
    covered, exit_, names = output["findings"]
    assert list(covered) == FIRST_THREE and list(exit_) == FIRST_THREE
    assert covered == {
        "category": "应保未保", "clause": "三(二)1", "roster": "registered_poor",
        "household": "R1", "township": "吐祥镇", "village": "龙门村", "head_name": "赵六",
        "head_id_masked": person("d")[:6] + "********" + person("d")[-4:],
        "reason": covered["reason"],
    }  # fmt: skip
    assert (exit_["category"], exit_["household"]) == ("应退未退", "D1")
    assert list(names) == INCONSISTENT
    assert names["kind"] == "name_mismatch"
    assert names["households"] == [{"roster": "dibao", "household": "D3"},
                                   {"roster": "registered_poor", "household": "R2"}]  # fmt: skip
    assert names["rows"] == [{"file": str(rosters["dibao"]), "row": 5},  # a title row above
                             {"file": str(rosters["registered_poor"]), "row": 3}]  # fmt: skip
    assert output["errors"] == [{"file": str(rosters["dibao"]), "row": 4,
                                 "message": "家庭月人均收入不是数字：“不详”"}]  # fmt: skip
    for letter in "abcd":  # full numbers never leave the process
        assert person(letter) not in done.stdout


def test_the_date_is_today_when_not_given(rosters):
    done = intake("--dibao", str(rosters["dibao"]), "--registered-poor",
                  str(rosters["registered_poor"]))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["on"] == date.today().isoformat()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_out_writes_the_findings_as_a_table_masked(rosters, tmp_path, suffix):
    out = tmp_path / f"findings.{suffix}"
    done = intake("--dibao", str(rosters["dibao"]), "--registered-poor",
                  str(rosters["registered_poor"]), "--on", "2025-08-01", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    if suffix == "csv":
        raw = out.read_bytes()
        assert raw.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(out, read_only=True).active
        rows = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    header, *body = rows
    assert header[:4] == ["序号", "类别", "情形", "依据条款"] and "身份证号" in header
    assert [row[1] for row in body] == ["应保未保", "应退未退", "信息不一致"]
    text = json.dumps(rows, ensure_ascii=False)
    for letter in "abcd":
        assert person(letter) not in text
    assert "赵六" not in text and "赵*" in text and "张*山" in text


def test_a_missing_column_exits_2_naming_it(tmp_path, rosters):
    columns = [c for c in DIBAO_LAYOUT.columns if c != "劳动能力"]
    bad = write_roster(tmp_path / "..", "dibao", dibao_rows({}), columns=columns)
    done = intake("--dibao", str(bad), "--registered-poor", str(rosters["registered_poor"]))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == f"intake roster check: {bad}: 缺少列：劳动能力"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04broken", None], ids=["empty", "zip", "none"])
def test_a_file_that_cannot_be_read_exits_2(tmp_path, rosters, content):
    path = tmp_path / "registered.xlsx"
    if content is not None:
        path.write_bytes(content)
    done = intake("--dibao", str(rosters["dibao"]), "--registered-poor", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"intake roster check: {path}: ")


def test_bad_arguments_exit_2(rosters, tmp_path):
    args = ["--dibao", str(rosters["dibao"]), "--registered-poor", str(rosters["registered_poor"])]
    for extra, words in ((["--on", "2025-13-01"], "not a date"),
                         (["--on", "2016-06-01"], "no rural_dibao_standard"),
                         (["--out", str(tmp_path / "x.pdf")], ".csv or an .xlsx")):  # fmt: skip
        done = intake(*args, *extra)
        assert done.returncode == 2 and words in done.stderr, done.stderr
