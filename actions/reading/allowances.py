"""The allowances paid by the month besides the pension, by the names residents give them,
and whose each one is.

One list for every reader that meets them: the income source they name (other income), a
sum said after them without its period (a month's), a small figure right after the name
(money, not a count) and "一个人…" (each one's, of those it is paid to).
"""

from __future__ import annotations

# Paid to each one of eighty and over ("高龄的" said short)
FOR_THE_VERY_OLD = ("高龄补贴", "高龄津贴", "长寿补贴", "高龄的")
# Paid to each parent of the family-planning support scheme (特别扶助金)
FOR_PARENTS = ("特扶金", "特扶", "扶助金")

BY_THE_MONTH = FOR_THE_VERY_OLD + FOR_PARENTS


def alternation(names: tuple[str, ...]) -> str:
    """The names as a regular-expression alternation, the longest first."""
    return "|".join(sorted(names, key=len, reverse=True))
