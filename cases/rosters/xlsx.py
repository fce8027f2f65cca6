"""A streaming reader of an XLSX workbook's cell values (the active sheet, row by row), for
rosters of hundreds of thousands of rows: the standard library's ``zipfile`` and its expat
XML parser (C, fed in 1 MiB chunks), the rows parsed so far handed on after each chunk, the
shared strings read once.

openpyxl is what the project uses for spreadsheets (it writes the exports), but its
read-only mode builds an object per cell (type, style, rich text) and, for a sheet without
a ``<dimension>`` (openpyxl's own write-only files), parses the whole sheet once more when
the workbook opens: the XLSX check of two 200,000-row rosters took 161 s with it and 47 s
with this reader on the same loaded machine (``docs/roster.md``).

A number comes back as the text the file holds ("500236199001011234" exactly as written,
"5.002361990010112e+17" when the writer kept only 16 digits, "630.5"), a string as its text,
a boolean as True/False, an error or an empty cell as None. Formulas are not evaluated: the
value the file keeps for them is read.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELATIONSHIPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",  # transitional
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # strict
)
MAX_SHARED_STRINGS = 5_000_000
CHUNK = 1 << 20


class UnreadableWorkbook(Exception):
    """Not an XLSX workbook this reader can follow (no sheet, a broken package or XML)."""


def _names(local: str) -> frozenset[str]:
    """An element's expanded names (``namespace}local``) in either namespace."""
    return frozenset(f"{ns}}}{local}" for ns in NAMESPACES)


_C, _V, _T, _IS, _ROW, _SI, _RPH = (
    _names(n) for n in ("c", "v", "t", "is", "row", "si", "rPh")
)  # fmt: skip


def _column(reference: str) -> int:
    """ "E3" → 4 (0-based)."""
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        else:
            break
    return index - 1


def _parse(handle, parser) -> Iterator[None]:
    """Feed ``handle`` to ``parser`` chunk by chunk; yields after each chunk."""
    try:
        while chunk := handle.read(CHUNK):
            parser.Parse(chunk, False)
            yield
        parser.Parse(b"", True)
        yield
    except expat.ExpatError as error:
        raise UnreadableWorkbook(f"XML: {error}") from None


def _parser():
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.buffer_size = CHUNK
    return parser


class Workbook:
    def __init__(self, path: Path):
        try:
            self._zip = zipfile.ZipFile(path)
            self._sheet = self._active_sheet()
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise UnreadableWorkbook(str(error)) from None

    def close(self) -> None:
        self._zip.close()

    def _active_sheet(self) -> str:
        sheets: list[str | None] = []
        active = [0]

        def start(name, attrs):
            local = name.rpartition("}")[2]
            if local == "sheet":
                sheets.append(next((attrs[f"{ns}}}id"] for ns in _OFFICE_RELATIONSHIPS
                                    if f"{ns}}}id" in attrs), None))  # fmt: skip
            elif local == "workbookView":
                active[0] = int(attrs.get("activeTab") or 0)

        self._read("xl/workbook.xml", start)
        if not sheets:
            raise UnreadableWorkbook("the workbook has no sheet")
        wanted = sheets[active[0]] if active[0] < len(sheets) else sheets[0]
        targets = {}

        def relationship(name, attrs):
            if name == f"{_RELATIONSHIPS}}}Relationship":
                targets[attrs.get("Id")] = attrs.get("Target") or ""

        self._read("xl/_rels/workbook.xml.rels", relationship)
        target = targets.get(wanted)
        if not target:
            raise UnreadableWorkbook("the active sheet is missing from the package")
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join("xl", target))

    def _read(self, member: str, start) -> None:
        parser = _parser()
        parser.StartElementHandler = start
        with self._zip.open(member) as handle:
            for _ in _parse(handle, parser):
                pass

    def _shared_strings(self) -> list[str]:
        """Each ``<si>``'s text: its ``<t>``s, phonetic runs (``<rPh>``) left out."""
        try:
            handle = self._zip.open("xl/sharedStrings.xml")
        except KeyError:
            return []
        strings: list[str] = []
        parts: list[str] = []
        state = {"text": False, "phonetic": False}

        def start(name, attrs):
            if name in _T:
                state["text"] = not state["phonetic"]
            elif name in _SI:
                parts.clear()
            elif name in _RPH:
                state["phonetic"] = True

        def end(name):
            if name in _T:
                state["text"] = False
            elif name in _SI:
                strings.append("".join(parts))
                if len(strings) > MAX_SHARED_STRINGS:
                    raise UnreadableWorkbook("too many shared strings")
            elif name in _RPH:
                state["phonetic"] = False

        def text(data):
            if state["text"]:
                parts.append(data)

        parser = _parser()
        parser.StartElementHandler, parser.EndElementHandler = start, end
        parser.CharacterDataHandler = text
        with handle:
            for _ in _parse(handle, parser):
                pass
        return strings

    def rows(self) -> Iterator[tuple[int, list]]:
        """``(row number, cell values)`` of every row that has a cell, in order; a row's
        values are a list by column (None where no cell is)."""
        shared = self._shared_strings()
        done: list[tuple[int, list]] = []
        cells: list = []
        parts: list[str] = []
        column, kind, collecting, phonetic, row = 0, None, False, False, 0

        def start(name, attrs):
            nonlocal column, kind, collecting, phonetic, row
            if name in _C:
                reference = attrs.get("r")
                column = _column(reference) if reference else len(cells)
                kind = attrs.get("t")
                parts.clear()
            elif name in _V or name in _T:
                collecting = not phonetic
            elif name in _ROW:
                number = attrs.get("r")
                row = int(number) if number else row + 1
                cells.clear()
            elif name in _RPH:
                phonetic = True

        def end(name):
            nonlocal collecting, phonetic
            if name in _C:
                value = "".join(parts) if parts else None
                if value is not None and kind is not None and kind != "inlineStr":
                    if kind == "s":
                        value = shared[int(value)]
                    elif kind == "b":
                        value = value == "1"
                    elif kind == "e":
                        value = None
                if column >= len(cells):
                    cells.extend([None] * (column - len(cells) + 1))
                cells[column] = value
            elif name in _V or name in _T:
                collecting = False
            elif name in _ROW:
                if cells:
                    done.append((row, list(cells)))
            elif name in _RPH:
                phonetic = False

        def text(data):
            if collecting:
                parts.append(data)

        parser = _parser()
        parser.StartElementHandler, parser.EndElementHandler = start, end
        parser.CharacterDataHandler = text
        with self._zip.open(self._sheet) as handle:
            for _ in _parse(handle, parser):
                yield from done
                done.clear()
