"""Reading a roster as it really comes: CSV in UTF-8 (with or without a byte-order mark) or
GB18030, or XLSX (``cases.rosters.xlsx``, streamed row by row); the header row anywhere in
the first 10 rows (a title row above it is common); columns in any order, extra ones ignored.

``read_roster`` yields ``(row number, cells)``: the row's number as in the file (the first
row is 1, as a spreadsheet numbers it) and its cells as text in the layout's column order
("" for an empty or absent cell). Blank rows are skipped. A file that cannot be read at all
raises ``RosterFileError`` (``field``: the roster), a missing required column
``MissingColumns``, naming it.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from pathlib import Path

from cases.rosters.columns import LAYOUTS, Layout, heading
from cases.rosters.xlsx import UnreadableWorkbook, Workbook
from policy.errors import InputError

HEADER_WITHIN = 10
MAX_ROWS = 1_000_000
_XLSX, _XLS = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
_CHUNK = 1 << 20


class RosterFileError(InputError):
    """A roster that cannot be read; ``field`` is the roster (``dibao``, ``registered_poor``)."""


class MissingColumns(RosterFileError):
    def __init__(self, roster: str, missing: Sequence[str], found_header: bool = True):
        where = "" if found_header else f"前{HEADER_WITHIN}行中没有找到表头，"
        super().__init__(roster, f"{where}缺少列：{'、'.join(missing)}")
        self.missing = tuple(missing)


@dataclass(frozen=True)
class RosterFile:
    """One roster to read: which one (``dibao`` or ``registered_poor``), where it is, and
    the name it goes by in errors (the name given, or the uploaded file's)."""

    roster: str
    path: Path
    name: str

    @property
    def layout(self) -> Layout:
        return LAYOUTS[self.roster]


def read_roster(source: RosterFile) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Every data row of the roster as ``(row number, cells in the layout's order)``."""
    rows, as_text = _table(source)
    columns, rest = _header(source, rows)
    picks = [columns.get(name, -1) for name in source.layout.columns]  # -1: the "" added
    width = max(picks) + 1
    pick = itemgetter(*picks)
    for count, (number, row) in enumerate(rest, start=1):
        if count > MAX_ROWS:
            raise RosterFileError(source.roster, f"超过{MAX_ROWS:,}行，请分批比对")
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        row.append("")
        cells = tuple(map(as_text, pick(row)))
        if any(cells):
            yield number, cells


def _header(source: RosterFile, rows: Iterator[tuple[int, list]]):
    """The columns' positions, found in the first rows, and the rows after the header."""
    layout = source.layout
    known = set(layout.columns)
    head, after = [], []
    for number, row in rows:
        if number > HEADER_WITHIN:
            after.append((number, row))
            break
        head.append((number, row))
    for index, (_, row) in enumerate(head):
        names = [heading(cell) for cell in row]
        if len(known.intersection(names)) >= 2:
            columns: dict[str, int] = {}
            for at, name in enumerate(names):
                if name in known:
                    columns.setdefault(name, at)
            missing = [name for name in layout.required if name not in columns]
            if missing:
                raise MissingColumns(layout.roster, missing)
            return columns, chain(head[index + 1 :], after, rows)
    raise MissingColumns(layout.roster, layout.required, found_header=False)


def _table(source: RosterFile) -> tuple[Iterator[tuple[int, list]], Callable[[object], str]]:
    """The file's rows ``(number, cells)`` and how a cell becomes text."""
    try:
        with open(source.path, "rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise RosterFileError(source.roster, f"无法打开文件：{error.strerror or error}") from None
    if magic == _XLS:
        raise RosterFileError(source.roster, "不支持旧版 Excel（.xls）文件，请另存为 XLSX 或 CSV")
    if magic == _XLSX:
        return _xlsx_rows(source), _text
    return _csv_rows(source), str.strip


def csv_encoding(path: Path) -> str | None:
    """``utf-8-sig`` (a byte-order mark), ``utf-8``, ``gb18030``, or None when the bytes are
    neither; the whole file is checked (one pass, in chunks)."""
    with open(path, "rb") as handle:
        if handle.read(3) == codecs.BOM_UTF8:
            return "utf-8-sig" if _decodes(handle, "utf-8") else None
        for encoding in ("utf-8", "gb18030"):
            handle.seek(0)
            if _decodes(handle, encoding):
                return encoding
    return None


def _decodes(handle, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _csv_rows(source: RosterFile) -> Iterator[tuple[int, list]]:
    encoding = csv_encoding(source.path)
    if encoding is None:
        raise RosterFileError(source.roster, "无法识别文件编码（应为 UTF-8 或 GB18030 的 CSV）")
    return _csv_records(source, encoding)


def _csv_records(source: RosterFile, encoding: str) -> Iterator[tuple[int, list]]:
    with open(source.path, encoding=encoding, newline="") as handle:
        sample = handle.read(64 * 1024)
        handle.seek(0)
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
        # A record is a spreadsheet row: a cell with a line break in it stays one row.
        try:
            yield from enumerate(csv.reader(handle, delimiter=delimiter), start=1)
        except csv.Error as error:
            raise RosterFileError(source.roster, f"CSV 文件无法读完：{error}") from None


def _xlsx_rows(source: RosterFile) -> Iterator[tuple[int, list]]:
    try:
        book = Workbook(source.path)
    except UnreadableWorkbook as error:
        raise RosterFileError(source.roster, f"无法读取 XLSX 文件：{error}") from None
    try:
        yield from book.rows()
    except (UnreadableWorkbook, zipfile.BadZipFile, zlib.error, EOFError, IndexError,
            ValueError, KeyError) as error:  # fmt: skip
        raise RosterFileError(source.roster, f"XLSX 文件无法读完：{error}") from None
    finally:
        book.close()


def _text(value: object) -> str:
    """An XLSX cell as text: numbers come as the file writes them (an identity number stored
    as a number: "500236199001011234", or "5.002361990010112e+17" when its writer kept only
    16 digits, which the reader of the column reports), booleans as 是/否."""
    if value is None:
        return ""
    if value is True or value is False:
        return "是" if value else "否"
    return str(value).strip()
