"""Every clause id the engine writes exists in the county's text."""

from __future__ import annotations

import re
from pathlib import Path

import policy
from policy.clauses import clause_text, clause_title, clauses
from policy.engine import MAIN_CLAUSE

SHARED_TEXT = Path(__file__).parents[3] / "shared" / "policy" / "fengjie-2017-158.txt"


def test_the_text_is_split_into_its_numbered_clauses():
    assert {"三(二)1", "三(二)6", "三(三)1", "三(三)2", "四(五)"} <= set(clauses())
    assert clause_title("三(二)1") == "落实农村低保政策"
    assert "3倍以内" in clause_text("三(二)1")
    assert "20%扣减就业成本" in clause_text("三(三)1")
    assert "70岁以上老人" in clause_text("三(三)2")


def test_the_packaged_text_is_the_countys():
    packaged = Path(policy.__file__).with_name("fengjie-2017-158.txt")
    if SHARED_TEXT.exists():
        assert packaged.read_bytes() == SHARED_TEXT.read_bytes()


def test_every_clause_written_in_the_code_exists():
    source = "".join(
        p.read_text(encoding="utf-8") for p in Path(policy.__file__).parent.glob("*.py")
    )
    written = set(re.findall(r'clause="([^"]+)"', source)) | set(MAIN_CLAUSE.values())
    written |= set(re.findall(r'CLAUSE = "([^"]+)"', source))
    assert written, "no clause found: the pattern is out of date"
    assert written <= set(clauses()), written - set(clauses())
