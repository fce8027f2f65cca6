"""The county's text, 奉节府办〔2017〕158号, split into clauses by its own numbering.

Clause ids follow POLICY.md: ``三`` (a part), ``三(二)`` (a section), ``三(二)1`` (an item).
The text ships with the package (``fengjie-2017-158.txt``) and is parsed once, lazily: the
engine only writes ids; staff pages and the helpline look the words up here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SOURCE = Path(__file__).with_name("fengjie-2017-158.txt")
DOCUMENT = "奉节府办〔2017〕158号"

_PART = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_SECTION = re.compile(r"^(?:\[bookmark:[^\]]*\])?[（(]([一二三四五六七八九十]+)[)）](.*)$")
_ITEM = re.compile(r"^(\d+)[．.](.*)$")


@lru_cache(maxsize=1)
def clauses() -> dict[str, str]:
    """Every clause id of the county's text with its full wording (parts, sections, items)."""
    found: dict[str, list[str]] = {}
    part = section = None
    current: str | None = None
    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if match := _PART.match(line):
            part, section = match[1], None
            current = part
        elif part and (match := _SECTION.match(line)):
            section = f"{part}({match[1]})"
            current = section
        elif section and (match := _ITEM.match(line)):
            current = f"{section}{match[1]}"
        elif current is None:
            continue  # title and preamble
        else:
            found[current].append(line)
            continue
        found[current] = [match[2].strip()] if match[2].strip() else []
    return {clause: "\n".join(lines) for clause, lines in found.items()}


def clause_text(clause: str) -> str:
    """The wording of one clause; ``KeyError`` when the text has no such clause."""
    return clauses()[clause]


def clause_title(clause: str) -> str:
    """The clause's heading: its words up to the first full stop (e.g. 落实农村低保政策)."""
    return re.split("[。\n]", clause_text(clause), maxsplit=1)[0]
