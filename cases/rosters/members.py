"""One roster row read into a member (成员) and its household's fields, or the reasons the
row is unreadable (a money field that is not a number, an empty 身份证号, a word that is
not one of the column's …). Unreadable rows are reported and left out; the rest is checked.

A member keeps its identity number as written (spaces dropped, letters upper-case: the form
the store's keyed hash is taken of) with that hash, and nothing of it leaves the process
but the hash and the masked form.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from operator import itemgetter

from cases.rosters.columns import (
    DIBAO_ABLE,
    DIBAO_CLASSES,
    POVERTY_STATUSES,
    REGISTERED_ABLE,
    YES_NO,
    Layout,
)
from core.masking import mask_personal
from core.townships import find_township

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# 5.00236E+17: an identity number a spreadsheet kept as a number and cut to 15–16 digits.
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?E\+?\d+")
LOST_DIGITS = "身份证号被存成了数字（{}），末几位已丢失：请把身份证号列设为文本格式后重新导出"
_BLANKS = re.compile(r"[\s\u3000]+")
FEN = Decimal("0.01")


@dataclass(slots=True, eq=False)
class Member:
    """A member's row: where it is, who (name, identity number and its keyed hash), the
    relation to the head, able to work, phone as written, and the household's fields as the
    row gives them (``fields``, in the layout's ``household_fields`` order)."""

    roster: str
    household: str
    row: int
    name: str
    id_number: str
    digest: bytes
    relation: str
    able_to_work: bool
    phone: str
    fields: tuple


@dataclass(frozen=True, slots=True)
class RowError:
    """An unreadable row: the file's name, the row's number and why (in Chinese)."""

    file: str
    row: int
    message: str

    def to_json(self) -> dict:
        return {"file": self.file, "row": self.row, "message": self.message}


def identity_number(text: str) -> str:
    """As written, for matching: full-width digits folded, spaces, dashes and an Excel text
    mark (a leading ') dropped, x upper-case."""
    text = unicodedata.normalize("NFKC", text)
    return _BLANKS.sub("", text).replace("-", "").lstrip("'").upper()


def person_name(text: str) -> str:
    return _BLANKS.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)
def township_name(text: str) -> str:
    """The official name (吐祥 → 吐祥镇, 奉节县吐祥镇 → 吐祥镇), else the text as written."""
    return find_township(text) or text


def money(text: str) -> Decimal | None:
    """Yuan as written: 1,234.50, 1234元, 630 → an exact decimal, to the fen (a spreadsheet's
    629.99999999999989 is 630.00); None when not a number."""
    cleaned = text.replace(",", "").replace("，", "").removesuffix("元").strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if value.as_tuple().exponent < -2:
        value = value.quantize(FEN, rounding=ROUND_HALF_UP)
    return value


def head_count(text: str) -> int | None:
    cleaned = text.removesuffix("人").strip()
    value = money(cleaned)
    if value is None or value != value.to_integral_value() or not 1 <= value <= 100:
        return None
    return int(value)


def _word(text: str, words, column: str, problems: list[str]):
    value = text.strip().upper() if column == "类别" else text.strip()
    if column == "类别":
        value = value.removesuffix("类")
    if value in words:
        return words[value] if isinstance(words, dict) else value
    problems.append(f"{column}应为{'、'.join(words)}之一，而不是“{_shown(text)}”")
    return None


def _shown(text: str) -> str:
    return mask_personal(text)[:30]


class RowReader:
    """Reads one roster's rows: ``read(number, cells)`` → a ``Member`` or a ``RowError``.

    A household's fields are the same text on each of its rows, so they are parsed once per
    distinct text (and equal fields share one tuple, which the consistency check relies on).
    """

    def __init__(self, layout: Layout, file_name: str, digest: Callable[[str], bytes]):
        self.layout, self.file_name, self.digest = layout, file_name, digest
        self.at = at = {name: index for index, name in enumerate(layout.columns)}
        self._fields = (
            self._dibao_fields if layout.roster == "dibao" else self._registered_fields
        )  # fmt: skip
        self._able = DIBAO_ABLE if layout.roster == "dibao" else REGISTERED_ABLE
        self._raw_fields = itemgetter(*(at[name] for name in layout.household_fields))
        self._parsed: dict[tuple, tuple[tuple, tuple[str, ...]]] = {}
        self._shared: dict[tuple, tuple] = {}
        self._columns = (at[layout.household], at["身份证号"], at["姓名"], at["与户主关系"],
                         at["劳动能力"], at["联系电话"])  # fmt: skip

    def read(self, number: int, cells: tuple[str, ...]) -> Member | RowError:
        household_at, id_at, name_at, relation_at, able_at, phone_at = self._columns
        fields, problems = self._household_fields(cells)
        household = cells[household_at]
        raw_id = cells[id_at]
        able = self._able.get(cells[able_at])
        if problems or not household or able is None or not raw_id or not raw_id.isalnum():
            id_number, problems = self._problems(cells, problems)
            if problems:
                return RowError(self.file_name, number, "；".join(problems))
        else:
            id_number = raw_id.upper() if raw_id.isascii() else identity_number(raw_id)
        name = cells[name_at]
        return Member(
            roster=self.layout.roster,
            household=household,
            row=number,
            name=name if name.isalpha() else person_name(name),
            id_number=id_number,
            digest=self.digest(id_number),
            relation=sys.intern(cells[relation_at]),
            able_to_work=able,
            phone=cells[phone_at],
            fields=fields,
        )

    def _household_fields(self, cells: tuple[str, ...]) -> tuple[tuple, tuple[str, ...]]:
        raw = self._raw_fields(cells)
        parsed = self._parsed.get(raw)
        if parsed is None:
            problems: list[str] = []
            fields = self._fields(cells, problems)
            fields = self._shared.setdefault(fields, fields) if not problems else fields
            parsed = self._parsed[raw] = (fields, tuple(problems))
        return parsed

    def _problems(self, cells: tuple[str, ...], problems: tuple[str, ...]):
        """The identity number as written and every reason the row is unreadable."""
        found = list(problems)
        household_at, id_at, _, _, able_at, _ = self._columns
        if not cells[household_at]:
            found.insert(0, f"{self.layout.household}为空")
        id_number = identity_number(cells[id_at])
        if not id_number:
            found.append("身份证号为空")
        elif _SCIENTIFIC.fullmatch(id_number):
            found.append(LOST_DIGITS.format(id_number))
        _word(cells[able_at], self._able, "劳动能力", found)
        return id_number, found

    def _place(self, cells: tuple[str, ...]) -> tuple[str, str]:
        return township_name(cells[self.at["乡镇"]]), sys.intern(cells[self.at["村"]])

    def _amount(self, cells, column: str, problems: list[str]) -> Decimal | None:
        text = cells[self.at[column]]
        value = money(text)
        if value is None:
            problems.append(f"{column}为空" if not text else f"{column}不是数字：“{_shown(text)}”")
        return value

    def _size(self, cells, column: str, problems: list[str]) -> int | None:
        text = cells[self.at[column]]
        value = head_count(text)
        if value is None:
            problems.append(f"{column}应为1到100的整数，而不是“{_shown(text)}”")
        return value

    def _dibao_fields(self, cells, problems: list[str]) -> tuple:
        """乡镇, 村, 保障人数, 月保障金, 类别, 家庭月人均收入."""
        return (
            *self._place(cells),
            self._size(cells, "保障人数", problems),
            self._amount(cells, "月保障金", problems),
            _word(cells[self.at["类别"]], DIBAO_CLASSES, "类别", problems),
            self._amount(cells, "家庭月人均收入", problems),
        )

    def _registered_fields(self, cells, problems: list[str]) -> tuple:
        """乡镇, 村, 家庭人口, 年人均纯收入, 脱贫状态, and the three guarantees (是/否)."""
        return (
            *self._place(cells),
            self._size(cells, "家庭人口", problems),
            self._amount(cells, "年人均纯收入", problems),
            _word(cells[self.at["脱贫状态"]], POVERTY_STATUSES, "脱贫状态", problems),
            _word(cells[self.at["义务教育保障"]], YES_NO, "义务教育保障", problems),
            _word(cells[self.at["基本医疗保障"]], YES_NO, "基本医疗保障", problems),
            _word(cells[self.at["住房安全保障"]], YES_NO, "住房安全保障", problems),
        )
