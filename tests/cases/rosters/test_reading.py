"""Reading the rosters as they really come: encodings, a title row, any column order, extra
columns, XLSX with identity numbers as numbers or text, shared and rich strings, missing
columns, files that cannot be read, rows numbered as in the file."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from cases.rosters.check import check_rosters
from cases.rosters.columns import DIBAO_LAYOUT, REGISTERED_POOR_LAYOUT
from cases.rosters.members import money
from cases.rosters.reading import MissingColumns, RosterFile, RosterFileError, read_roster
from policy import load_default
from tests.cases.rosters.files import write_csv, write_xlsx
from tests.cases.rosters.rosters import (
    CIPHER,
    check,
    dibao_rows,
    person,
    registered_rows,
    table,
    write_roster,
)

TITLE = "奉节县2025年第三季度农村低保名单"


def rows_of(path: Path, roster: str = "dibao") -> list[tuple[int, tuple[str, ...]]]:
    return list(read_roster(RosterFile(roster, path, path.name)))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_utf8_with_or_without_a_bom_or_gb18030(tmp_path, encoding):
    rows = dibao_rows({"姓名": "欧阳小明", "村": "石岭村", "家庭月人均收入": 700})
    path = write_roster(tmp_path, "dibao", rows, encoding=encoding)
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")
    [(number, cells)] = rows_of(path)
    assert number == 2 and cells[3] == "欧阳小明" and cells[2] == "石岭村"
    result = check(tmp_path, rows, [], encoding=encoding)
    assert [f["head_name"] for f in result.to_json()["findings"]] == ["欧阳小明"]


def test_a_title_row_above_the_header_and_rows_numbered_as_in_the_file(tmp_path):
    rows = dibao_rows({"家庭月人均收入": "不详"}, {"低保户编号": "D2", "身份证号": "b"})
    result = check(tmp_path, rows, [], title=TITLE)
    assert result.to_json()["errors"] == [
        {"file": "dibao.csv", "row": 3, "message": "家庭月人均收入不是数字：“不详”"}
    ]
    assert result.rows == {"dibao": 1, "registered_poor": 0}


def test_the_header_is_looked_for_in_the_first_ten_rows_only(tmp_path):
    rows = dibao_rows({})
    lines = table(rows, list(DIBAO_LAYOUT.columns))
    at_ten = write_csv(tmp_path / "ten.csv", [["说明"]] * 9 + lines)
    assert [number for number, _ in rows_of(at_ten)] == [11]
    at_eleven = write_csv(tmp_path / "eleven.csv", [["说明"]] * 10 + lines)
    with pytest.raises(MissingColumns) as refused:
        rows_of(at_eleven)
    assert refused.value.field == "dibao"
    assert "前10行中没有找到表头" in refused.value.message and "低保户编号" in refused.value.message


def test_columns_in_any_order_extra_ones_ignored_and_headings_as_exports_write_them(tmp_path):
    rows = registered_rows({"年人均纯收入": 3000, "身份证号": "b"})
    columns = list(reversed(REGISTERED_POOR_LAYOUT.required)) + ["备注", "帮扶责任人"]
    lines = table(rows, columns)
    lines[0] = [{"身份证号": "身份证号码", "年人均纯收入": "年人均纯收入（元）",
                 "与户主关系": "与户主\n关系"}.get(c, c) for c in lines[0]]  # fmt: skip
    for line in lines[1:]:
        line[-2:] = ['=HYPERLINK("x")', "李干部"]
    path = write_csv(tmp_path / "registered_poor.csv", lines)
    [(number, cells)] = rows_of(path, "registered_poor")
    assert cells[REGISTERED_POOR_LAYOUT.columns.index("身份证号")] == person("b")
    assert cells[REGISTERED_POOR_LAYOUT.columns.index("联系电话")] == ""  # optional, absent


def test_a_tab_separated_file_and_a_line_break_inside_a_cell(tmp_path):
    rows = dibao_rows({"村": "龙门村\n三组"}, {"低保户编号": "D2", "身份证号": "b"})
    path = tmp_path / "dibao.csv"
    lines = table(rows, list(DIBAO_LAYOUT.columns))
    out = io.StringIO()
    csv.writer(out, delimiter="\t").writerows(lines)
    path.write_text(out.getvalue(), encoding="utf-8")
    assert [(n, c[2]) for n, c in rows_of(path)] == [(2, "龙门村\n三组"), (3, "龙门村")]


@pytest.mark.parametrize("numbers", [True, False], ids=["ids as numbers", "ids as text"])
def test_xlsx_with_identity_numbers_stored_as_numbers_or_as_text(tmp_path, numbers):
    dibao = dibao_rows({"身份证号": "a", "家庭月人均收入": 100, "劳动能力": "有"})
    registered = registered_rows({"身份证号": "a", "年人均纯收入": 3000})
    path = write_roster(tmp_path, "dibao", dibao, kind="xlsx", numbers=numbers, title=TITLE)
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert (f"<v>{person('a')}</v>" in sheet) is numbers
    [(number, cells)] = rows_of(path)
    assert number == 3 and cells[4] == person("a") and cells[6] == "1"
    # matched through the number: no 应保未保, no 应扶未扶
    result = check(tmp_path, dibao, registered, kind="xlsx", numbers=numbers)
    assert result.findings == [] and result.errors == []


def test_xlsx_numbers_a_spreadsheet_could_not_keep_whole_are_reported(tmp_path):
    """openpyxl (like Excel) writes a number with 15–16 significant digits: an 18-digit
    identity number stored so has lost its last digits, and matching it would be a guess."""
    lines = table(dibao_rows({"身份证号": "a"}), list(DIBAO_LAYOUT.columns))
    lines[1][4] = int(person("a"))
    path = write_xlsx(tmp_path / "dibao.xlsx", lines)
    [(number, cells)] = rows_of(path)
    assert cells[4].lower().endswith("e+17")
    registered = write_roster(tmp_path, "registered_poor", [])
    result = check_rosters(RosterFile("dibao", path, "dibao.xlsx"),
                           RosterFile("registered_poor", registered, registered.name),
                           on=date(2025, 8, 1), parameters=load_default(),
                           digest=CIPHER.lookup_digest)  # fmt: skip
    [error] = result.errors
    assert error.row == 2 and "末几位已丢失" in error.message and not result.findings


def test_xlsx_amounts_kept_as_floating_point_are_read_to_the_fen(tmp_path):
    lines = table(dibao_rows({}), list(DIBAO_LAYOUT.columns))
    lines[1][9] = 629.9999999999999  # 家庭月人均收入: 630 as a spreadsheet computed it
    lines[1][6] = 1
    path = write_xlsx(tmp_path / "dibao.xlsx", lines)
    [(_, cells)] = rows_of(path)
    assert cells[9] == "629.9999999999999" and cells[6] == "1"
    assert str(money(cells[9])) == "630.00"


def _workbook(path: Path, sheet: str, shared: str | None, prefix: str = "") -> Path:
    """A hand-made XLSX as other exporters write them: shared strings, a namespace prefix."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns{":" + prefix if prefix else ""}="{ns}"'
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml",
                      f'<{p}workbook {xmlns} xmlns:r="{rel}"><{p}bookViews><{p}workbookView '
                      f'activeTab="1"/></{p}bookViews><{p}sheets><{p}sheet name="说明" sheetId="1" '
                      f'r:id="rId1"/><{p}sheet name="名单" sheetId="2" r:id="rId2"/></{p}sheets>'
                      f"</{p}workbook>")  # fmt: skip
        book.writestr("xl/_rels/workbook.xml.rels",
                      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                      'relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" '
                      'Type="x"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml" '
                      'Type="x"/></Relationships>')  # fmt: skip
        book.writestr("xl/worksheets/sheet1.xml", f"<{p}worksheet {xmlns}/>")
        book.writestr("xl/worksheets/sheet2.xml",
                      f"<{p}worksheet {xmlns}><{p}sheetData>{sheet}</{p}sheetData></{p}worksheet>")  # fmt: skip
        if shared is not None:
            book.writestr("xl/sharedStrings.xml", f"<{p}sst {xmlns}>{shared}</{p}sst>")
    return path


@pytest.mark.parametrize("prefix", ["", "x"])
def test_xlsx_with_shared_strings_rich_text_and_gaps_as_other_exporters_write_them(
    tmp_path, prefix
):
    p = f"{prefix}:" if prefix else ""
    columns = list(DIBAO_LAYOUT.required)
    strings = columns + ["D1", "吐祥镇", "户主", "B", "有"]
    shared = "".join(f"<{p}si><{p}t>{s}</{p}t></{p}si>" for s in strings)
    # a name in two rich-text runs with a phonetic guide that is not part of it
    shared += (f"<{p}si><{p}r><{p}t>张</{p}t></{p}r><{p}r><{p}t>大山</{p}t></{p}r>"
               f"<{p}rPh sb=\"0\" eb=\"1\"><{p}t>zhang</{p}t></{p}rPh></{p}si>")  # fmt: skip
    s = {text: index for index, text in enumerate(strings)}
    header = "".join(f'<{p}c r="{chr(65 + i)}3" t="s"><{p}v>{i}</{p}v></{p}c>'
                     for i in range(len(columns)))  # fmt: skip
    values = [("s", s["D1"]), ("s", s["吐祥镇"]), ("inlineStr", "龙门 &amp; 三组"),
              ("s", len(strings)), (None, person("a")), ("s", s["户主"]), (None, "1"),
              (None, "300"), ("s", s["B"]), ("str", "700"), ("s", s["有"])]  # fmt: skip
    cells = ""
    for kind, value in values:  # no r= attributes: cells in order, as the format allows
        if kind == "inlineStr":
            cells += f'<{p}c t="inlineStr"><{p}is><{p}t>{value}</{p}t></{p}is></{p}c>'
        else:
            t = f' t="{kind}"' if kind else ""
            cells += f"<{p}c{t}><{p}f>B2*2</{p}f><{p}v>{value}</{p}v></{p}c>"
    sheet = (f'<{p}row r="1"><{p}c r="A1" t="inlineStr"><{p}is><{p}t>{TITLE}</{p}t></{p}is></{p}c></{p}row>'
             f'<{p}row r="3">{header}</{p}row><{p}row r="7">{cells}</{p}row>')  # fmt: skip
    path = _workbook(tmp_path / "dibao.xlsx", sheet, shared, prefix)
    [(number, row)] = rows_of(path)
    assert number == 7
    assert row[:7] == ("D1", "吐祥镇", "龙门 & 三组", "张大山", person("a"), "户主", "1")
    assert row[9] == "700"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_missing_required_column_is_an_error_naming_it(tmp_path, kind):
    columns = [c for c in DIBAO_LAYOUT.columns if c not in ("家庭月人均收入", "类别")]
    path = write_roster(tmp_path, "dibao", dibao_rows({}), kind=kind, columns=columns,
                        title=TITLE)  # fmt: skip
    with pytest.raises(MissingColumns) as refused:
        rows_of(path)
    assert refused.value.field == "dibao"
    assert refused.value.message == "缺少列：类别、家庭月人均收入"
    assert refused.value.missing == ("类别", "家庭月人均收入")


def test_the_optional_phone_column_may_be_missing(tmp_path):
    columns = list(DIBAO_LAYOUT.required)
    path = write_roster(tmp_path, "dibao", dibao_rows({}), columns=columns)
    [(_, cells)] = rows_of(path)
    assert cells[-1] == ""


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "没有找到表头"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "不支持旧版 Excel"),
        (b"PK\x03\x04" + b"not a zip" * 10, "无法读取 XLSX 文件"),
        (bytes(range(128, 256)) * 4, "无法识别文件编码"),
    ],
    ids=["empty", "xls", "broken xlsx", "not text"],
)
def test_a_file_that_cannot_be_read(tmp_path, content, words):
    path = tmp_path / "dibao.csv"
    path.write_bytes(content)
    with pytest.raises(RosterFileError) as refused:
        rows_of(path)
    assert refused.value.field == "dibao" and words in refused.value.message


def test_a_file_that_is_not_there(tmp_path):
    with pytest.raises(RosterFileError) as refused:
        rows_of(tmp_path / "nowhere.csv")
    assert "无法打开文件" in refused.value.message


def test_a_file_broken_halfway(tmp_path):
    lines = table(dibao_rows({}), list(DIBAO_LAYOUT.columns))
    csv_path = write_csv(tmp_path / "dibao.csv", lines)
    csv_path.write_bytes(csv_path.read_bytes() + b"D2,\x00,x\n")
    with pytest.raises(RosterFileError) as refused:
        rows_of(csv_path)
    assert "CSV 文件无法读完" in refused.value.message
    header = "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in DIBAO_LAYOUT.required)
    sheet = f'<row r="1">{header}</row><row r="2"><c t="s"><v>99</v></c></row>'
    xlsx_path = _workbook(tmp_path / "dibao.xlsx", sheet, "<si><t>D1</t></si>")
    with pytest.raises(RosterFileError) as refused:
        rows_of(xlsx_path)
    assert "XLSX 文件无法读完" in refused.value.message
    broken = _workbook(tmp_path / "broken.xlsx", f'<row r="1">{header}</row><row r="2"><c>', None)
    with pytest.raises(RosterFileError):
        rows_of(broken)
