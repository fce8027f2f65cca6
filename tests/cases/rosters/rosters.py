"""Rosters for the tests: rows as dicts keyed by column (defaults filled in), identity numbers
by a letter (``"a"`` is a valid number of its own, ``"bad:a"`` the same with a wrong check
digit), written as the files the national systems export, and checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from cases.rosters.check import CheckResult, check_rosters
from cases.rosters.columns import DIBAO_LAYOUT, REGISTERED_POOR_LAYOUT
from cases.rosters.reading import RosterFile
from core.id_numbers import check_character
from core.security import IdentityCipher
from policy import load_default
from tests.cases.rosters.files import write_csv, write_xlsx

CIPHER = IdentityCipher("roster-tests")
DIBAO_DEFAULTS = {"低保户编号": "D1", "乡镇": "吐祥镇", "村": "龙门村", "姓名": "张大山",
                  "身份证号": "a", "与户主关系": "户主", "保障人数": "1", "月保障金": "300",
                  "类别": "B", "家庭月人均收入": "200", "劳动能力": "无", "联系电话": ""}  # fmt: skip
REGISTERED_DEFAULTS = {"户编号": "R1", "乡镇": "吐祥镇", "村": "龙门村", "姓名": "张大山",
                       "身份证号": "a", "与户主关系": "户主", "家庭人口": "1",
                       "年人均纯收入": "9000", "劳动能力": "无劳动力", "脱贫状态": "已脱贫",
                       "义务教育保障": "是", "基本医疗保障": "是", "住房安全保障": "是",
                       "联系电话": ""}  # fmt: skip


def person(letter: str) -> str:
    """A valid identity number for a letter (a → born 1970-01-01, b → 1971-01-02 …)."""
    index = ord(letter) - ord("a")
    first17 = f"500236{1970 + index}{1 + index % 12:02d}{1 + index % 28:02d}{100 + index:03d}"
    return first17 + check_character(first17)


def number(symbol: str) -> str:
    """``a`` → a valid number; ``bad:a`` → a's number with a wrong check digit; ``date:a`` →
    a's number born on 30 February (its check digit right); anything else as written."""
    if symbol.startswith("bad:"):
        good = person(symbol[4:])
        return good[:17] + ("0" if good[17] != "0" else "1")
    if symbol.startswith("date:"):
        first17 = person(symbol[5:])[:10] + "0230" + person(symbol[5:])[14:17]
        return first17 + check_character(first17)
    if len(symbol) == 1 and symbol.isalpha():
        return person(symbol)
    return symbol


def dibao_rows(*rows: dict[str, Any]) -> list[dict[str, str]]:
    return [_filled(DIBAO_DEFAULTS, row) for row in rows]


def registered_rows(*rows: dict[str, Any]) -> list[dict[str, str]]:
    return [_filled(REGISTERED_DEFAULTS, row) for row in rows]


def _filled(defaults: dict[str, str], row: dict[str, Any]) -> dict[str, str]:
    filled = {**defaults, **{k: "" if v is None else str(v) for k, v in row.items()}}
    filled["身份证号"] = number(filled["身份证号"])
    return filled


def table(rows: list[dict[str, str]], columns: list[str], title: str | None = None) -> list[list]:
    """Header and rows in ``columns``' order, with a title row above when given."""
    lines = [[title]] if title else []
    lines.append(list(columns))
    lines += [[row.get(column, "") for column in columns] for row in rows]
    return lines


def write_roster(
    folder: Path,
    roster: str,
    rows: list[dict[str, str]],
    *,
    kind: str = "csv",
    encoding: str = "utf-8",
    title: str | None = None,
    columns: list[str] | None = None,
    numbers: bool = False,
) -> Path:
    layout = DIBAO_LAYOUT if roster == "dibao" else REGISTERED_POOR_LAYOUT
    columns = columns or list(layout.columns)
    lines = table(rows, columns, title)
    path = folder / f"{roster}.{kind}"
    if kind == "csv":
        return write_csv(path, lines, encoding)
    at = (columns.index("身份证号"),) if numbers else ()
    return write_xlsx(path, lines, numbers=at)


def check(
    folder: Path,
    dibao: list[dict[str, str]],
    registered: list[dict[str, str]],
    on: date | str = date(2025, 8, 1),
    **file_options: Any,
) -> CheckResult:
    on = date.fromisoformat(on) if isinstance(on, str) else on
    files = {}
    for roster, rows in (("dibao", dibao), ("registered_poor", registered)):
        path = write_roster(folder, roster, rows, **file_options)
        files[roster] = RosterFile(roster, path, path.name)
    return check_rosters(files["dibao"], files["registered_poor"], on=on,
                         parameters=load_default(), digest=CIPHER.lookup_digest)  # fmt: skip
