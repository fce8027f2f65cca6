"""Runs kept in the store: the files' checksums and who ran it, findings masked with the
household's facts only encrypted, the townships each finding concerns, what is new and
what was resolved since the previous run, outcomes carried over, filters and counts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from accounts.models import Role, User
from cases.rosters.check import check_rosters
from cases.rosters.models import RosterFinding, RosterFindingTownship, RosterRun
from cases.rosters.reading import RosterFile
from cases.rosters.results import (
    FindingFilters,
    every_finding,
    findings,
    resolved,
    summary,
    visible_finding,
)
from cases.rosters.runs import StoredFile, checksum, details, record_run
from policy import load_default
from tests.cases.rosters.rosters import dibao_rows, person, registered_rows, write_roster


def run_of(session, cipher, folder, dibao, registered, *, actor="county", on=date(2025, 8, 1)):
    folder.mkdir(parents=True, exist_ok=True)
    files, stored = {}, {}
    for roster, rows in (("dibao", dibao), ("registered_poor", registered)):
        path = write_roster(folder, roster, rows)
        files[roster] = RosterFile(roster, path, path.name)
        stored[roster] = StoredFile(path.name, checksum(path))
    result = check_rosters(files["dibao"], files["registered_poor"], on=on,
                           parameters=load_default(), digest=cipher.lookup_digest)  # fmt: skip
    run = record_run(session, result=result, files=stored, actor=actor, cipher=cipher)
    session.commit()
    return run


DIBAO = [
    {"低保户编号": "D1", "乡镇": "吐祥镇", "身份证号": "a", "姓名": "张大山", "家庭月人均收入": 700,
     "联系电话": "138 0000 0001"},
    {"低保户编号": "D2", "乡镇": "白帝镇", "身份证号": "b", "姓名": "李小花", "家庭月人均收入": 100,
     "劳动能力": "有"},
    {"低保户编号": "D3", "乡镇": "吐祥镇", "身份证号": "c", "姓名": "王五"},
    {"低保户编号": "D4", "乡镇": "白帝镇", "身份证号": "c", "姓名": "王五"},
]  # fmt: skip
REGISTERED = [
    {"户编号": "R1", "乡镇": "吐祥镇", "身份证号": "d", "姓名": "赵六", "年人均纯收入": 3000},
]


@pytest.fixture
def first(session, cipher, tmp_path):
    return run_of(
        session, cipher, tmp_path / "q3", dibao_rows(*DIBAO), registered_rows(*REGISTERED)
    )


def test_a_run_keeps_its_date_files_checksums_and_who_ran_it(session, first, tmp_path):
    assert first.on == date(2025, 8, 1) and first.standard == "630" and first.poverty_line == "4000"
    assert first.dibao_file == "dibao.csv" and len(first.dibao_sha256) == 64
    assert first.dibao_sha256 == checksum(tmp_path / "q3" / "dibao.csv")
    assert first.run_by == "county" and first.previous_run_id is None
    assert first.counts == {"应保未保": 1, "应扶未扶": 1, "应退未退": 1, "信息不一致": 1}
    assert (first.dibao_rows, first.registered_poor_rows) == (4, 1)
    assert first.new_count == 0 and first.resolved_count == 0  # a first run has nothing to compare


def test_findings_are_masked_and_the_facts_only_encrypted(session, cipher, first):
    rows = session.exec(select(RosterFinding).where(RosterFinding.run_id == first.id)).all()
    stored = " ".join(str(r.model_dump()) for r in rows)
    for letter in "abcd":
        assert person(letter) not in stored
    for name in ("张大山", "李小花", "赵六"):
        assert name not in stored
    exit_ = next(r for r in rows if r.category == "应退未退")
    assert (exit_.name_masked, exit_.id_masked, exit_.phone_masked) == (
        "张*山",
        person("a")[:6] + "********" + person("a")[-4:],
        "+86138****0001",
    )
    kept = details(exit_, cipher)
    assert kept["members"][0]["id_number"] == person("a") and kept["phone"] == "+8613800000001"
    assert kept["figures"]["家庭月人均收入"] == "700" and kept["on_other_roster"] is False
    assert exit_.member_hashes == [cipher.lookup_hash(person("a"))]


def test_a_finding_belongs_to_every_township_it_concerns(session, first):
    two = session.exec(select(RosterFinding).where(RosterFinding.kind == "two_households")).one()
    places = session.exec(select(RosterFindingTownship.township)
                          .where(RosterFindingTownship.finding_id == two.id)).all()  # fmt: skip
    assert sorted(places) == ["吐祥镇", "白帝镇"]
    tuxiang = summary(session, first, township="吐祥镇")
    assert tuxiang.counts == {"应保未保": 1, "应扶未扶": 0, "应退未退": 1, "信息不一致": 1}
    assert tuxiang.errors == [] and [t.township for t in tuxiang.by_township] == ["吐祥镇"]
    county = summary(session, first, township=None)
    assert {t.township: t.total for t in county.by_township} == {"吐祥镇": 3, "白帝镇": 2}
    officer = User(username="baidi", password_hash="x", role=Role.township_staff, township="白帝镇")
    assert visible_finding(session, officer, two.id) is not None
    exit_ = session.exec(select(RosterFinding).where(RosterFinding.category == "应退未退")).one()
    assert visible_finding(session, officer, exit_.id) is None


def test_filters_and_pages(session, first):
    every = findings(session, first, FindingFilters())
    assert every.total == 4 and [f.category for f in every.items] == [
        "应保未保", "应扶未扶", "应退未退", "信息不一致"]  # fmt: skip
    page = findings(session, first, FindingFilters(township="白帝镇"), limit=1)
    assert page.total == 2 and page.next_cursor == page.items[0].id
    rest = findings(session, first, FindingFilters(township="白帝镇"), cursor=page.next_cursor)
    assert [f.category for f in page.items + rest.items] == ["应扶未扶", "信息不一致"]
    assert findings(session, first, FindingFilters(category="应退未退")).total == 1
    assert findings(session, first, FindingFilters(kind="two_households")).total == 1
    assert findings(session, first, FindingFilters(outcome="none")).total == 4
    assert len(list(every_finding(session, first, FindingFilters(category="应保未保")))) == 1


def test_the_next_run_says_what_is_new_and_what_was_resolved(session, cipher, first, tmp_path):
    exit_ = session.exec(select(RosterFinding).where(RosterFinding.category == "应退未退")).one()
    exit_.outcome, exit_.outcome_note, exit_.outcome_by = "核实中", "已约入户", "tuxiang"
    session.add(exit_)
    session.commit()
    dibao = dibao_rows(DIBAO[0], {**DIBAO[1], "家庭月人均收入": 500},  # D2 registered meanwhile
                       {**DIBAO[2], "家庭月人均收入": 650}, DIBAO[3])  # fmt: skip
    registered = registered_rows(
        *REGISTERED, {"户编号": "R2", "乡镇": "白帝镇", "身份证号": "b", "姓名": "李小花"}
    )
    second = run_of(session, cipher, tmp_path / "q4", dibao, registered, actor="county2")
    assert second.previous_run_id == first.id and second.run_by == "county2"
    rows = session.exec(select(RosterFinding).where(RosterFinding.run_id == second.id)).all()
    by = {(r.category, r.household): r for r in rows}
    assert not by[("应退未退", "D1")].is_new and by[("应退未退", "D3")].is_new
    carried = by[("应退未退", "D1")]
    assert (carried.outcome, carried.outcome_note, carried.outcome_by) == (
        "核实中",
        "已约入户",
        "tuxiang",
    )
    assert by[("应退未退", "D3")].outcome is None
    assert second.new_count == 1 and second.resolved_count == 1
    count, gone = resolved(session, second)
    assert count == 1 and [(g.category, g.household) for g in gone] == [("应扶未扶", "D2")]
    assert resolved(session, second, township="吐祥镇")[0] == 0
    view = summary(session, second, township=None)
    assert (view.new, view.resolved) == (1, 1)
    new_only = findings(session, second, FindingFilters(new_only=True))
    assert [(f.category, f.household) for f in new_only.items] == [("应退未退", "D3")]
    assert session.exec(select(RosterRun)).all()[0].id == first.id  # every run is kept
