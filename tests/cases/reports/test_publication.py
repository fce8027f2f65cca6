import csv
import io
from datetime import date

from openpyxl import load_workbook

from cases.models import CaseStatus
from cases.procedure import move
from cases.reports.publication import HEADERS, publication_rows, title, to_csv, to_xlsx
from tests.console_seed import file_assessed

S = CaseStatus


def approve(session, case, klass="B"):
    for step in (S.visited, S.appraised, S.publicised):
        move(session, case, to=step, actor="x")
    move(session, case, to=S.approved, actor="x", klass=klass, today=date(2025, 9, 1))


def test_the_list_has_publicised_and_approved_cases_masked(session, cipher):
    approved = file_assessed(session, cipher, name="张小明", village="=HYPERLINK(1)")
    approve(session, approved)
    public = file_assessed(session, cipher, name="欧阳小明", id_number="500236198001011111")
    for step in (S.visited, S.appraised, S.publicised):
        move(session, public, to=step, actor="x")
    file_assessed(session, cipher, name="王五")  # only received: not listed
    file_assessed(session, cipher, name="李四", township="白帝镇")
    rows = publication_rows(session, programme="dibao", township="吐祥镇")
    assert {r.name_masked for r in rows} == {"张*明", "欧**明"}
    assert {r.id_number_masked for r in rows} == {"500236********1234", "500236********1111"}
    by_name = {r.name_masked: r for r in rows}
    assert by_name["张*明"].dibao_class == "B" and by_name["张*明"].household_size == 3
    assert by_name["欧**明"].status == S.publicised

    heading = title("吐祥镇", "dibao")
    assert heading == "吐祥镇农村低保公示名单"
    text = to_csv(rows, heading).decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[1] == list(HEADERS)
    assert "张小明" not in text and "500236199001011234" not in text
    assert "'=HYPERLINK(1)" in text  # formula injection defused

    book = load_workbook(io.BytesIO(to_xlsx(rows, heading)))
    sheet = book.active
    assert sheet["A1"].value == heading
    assert [c.value for c in sheet[2]] == list(HEADERS)
    names = {sheet.cell(row=r, column=4).value for r in range(3, sheet.max_row + 1)}
    assert names == {"张*明", "欧**明"}


def test_county_lists_span_townships(session, cipher):
    for township in ("吐祥镇", "白帝镇"):
        approve(session, file_assessed(session, cipher, township=township))
    assert {r.township for r in publication_rows(session, programme="dibao")} == {
        "吐祥镇",
        "白帝镇",
    }
    assert publication_rows(session, programme="dibao_exit") == []
