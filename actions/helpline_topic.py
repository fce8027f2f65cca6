"""Which helpline answer a message asks for: the NLU's choice, a follow-up of the last answer,
or the policy's own terms (actions/policy_terms.py) — in that order of trust, with the
terms overruling an unsure selector.

- The ResponseSelector's ``faq/<key>`` when it is sure enough (``MIN_CONFIDENCE``).
- A follow-up keeps its topic: after an answer, "那2021年呢？" asks the same question for
  2021, "那残疾的呢？" or "那要准备些啥子？" asks the next question about the same thing.
  The last answer's key is the ``helpline_topic`` slot.
- The terms: before saying it cannot answer, and when a specific cue (two or more of the
  policy's terms) disagrees with a selector that is not quite sure (``OVERRULE_BELOW``).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from actions.policy_terms import CUES, spelled, strong_topic, topic_by_terms

log = logging.getLogger(__name__)

RETRIEVAL_INTENT = "faq"
# Chosen on a validation set (docs/helpline.md): a wrong answer counts twice an honest "no".
MIN_CONFIDENCE = 0.35
# A selector less sure than this gives way to a specific cue of the policy's terms.
OVERRULE_BELOW = 0.8

_FOLLOW_START = re.compile(r"^\s*(那|那么|那要是|要是|如果是|还有|再问一下|再问下|另外)")
_FOLLOW_END = re.compile(r"(呢|嘞|喃|哩)\s*[？?。！!…]*\s*$")
_YEAR_ONLY = re.compile(
    r"^\s*(那|那么)?\s*([12]\d{3}|[零〇一二三四五六七八九]{4}|\d{2}|今|去|前|明)年(的)?\s*(呢|嘞|喃)?\s*[？?。]*\s*$"
)


def selection(message: dict[str, Any], answers: set[str]) -> tuple[str | None, float]:
    """The ResponseSelector's key (one we have an answer for) and its confidence."""
    selector = (message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    response = selector.get("response") or {}
    full_key, confidence = response.get("intent_response_key"), response.get("confidence")
    if not full_key:
        ranking = [r for r in selector.get("ranking") or [] if r.get("intent_response_key")]
        if ranking:
            full_key, confidence = ranking[0]["intent_response_key"], ranking[0].get("confidence")
    if not full_key or not full_key.startswith(f"{RETRIEVAL_INTENT}/"):
        return None, 0.0
    key = full_key.split("/", 1)[1]
    if key not in answers:
        log.warning("no helpline answer for %s", full_key)
        return None, 0.0
    return key, float(confidence or 0.0)


def is_follow_up(text: str) -> bool:
    """A short question that goes on from the last answer ("那残疾的呢？")."""
    text = (text or "").strip()
    return len(text) <= 20 and bool(_FOLLOW_START.search(text) or _FOLLOW_END.search(text))


def _specific(key: str, text: str) -> bool:
    """True when a cue of two or more terms for ``key`` holds in ``text``."""
    return any(
        cue.key == key and len(cue.patterns) >= 2 and all(p.search(text) for p in cue.patterns)
        for cue in CUES
    )


def follow_up(text: str, last: str | None, question_of: dict[str, str]) -> str | None:
    """The key a follow-up asks for, given the last answer's key; None if not a follow-up."""
    if not last or last not in question_of or not is_follow_up(text):
        return None
    if _YEAR_ONLY.search(text):
        return last  # "那2021年呢": the same question, another year
    # "那要准备些啥子": a question of its own, about 低保 as everything here is
    own = topic_by_terms(f"{text}（低保）", exclude=last)
    if own:
        return own
    # "那残疾的呢": the new words on the last question ("70岁以上的低保老人能多领吗？")
    return topic_by_terms(f"{question_of[last]}{text}", exclude=last) or last


def choose(
    message: dict[str, Any], last: str | None, question_of: dict[str, str], *, asked: bool = True
) -> str | None:
    """The answer key for ``message``, or None when no answer fits. ``asked``: the NLU took
    the message for a policy question (intent ``faq``); otherwise only a follow-up or the
    policy's terms can make it one."""
    text = spelled(message.get("text") or "")
    followed = follow_up(text, last, question_of)
    if followed:
        return followed
    terms = topic_by_terms(text)
    if not asked:
        return terms
    key, confidence = selection(message, set(question_of))
    if key is not None and confidence >= MIN_CONFIDENCE:
        if (
            terms
            and terms != key
            and (strong_topic(text) or (confidence < OVERRULE_BELOW and _specific(terms, text)))
        ):
            return terms
        return key
    return terms
