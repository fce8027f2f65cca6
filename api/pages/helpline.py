"""The helpline page (政策问答): staff type a caller's question and see what the assistant
answers, with its clause. The question goes to Rasa's REST channel like any resident's
message (sender ``helpline-<username>``), so staff see exactly the answer an SMS would get."""

from __future__ import annotations

import logging
from typing import Annotated
from uuid import uuid4

from fastapi import APIRouter, Depends, Form, Request

from api.pages.auth import PageUser, csrf_checked
from api.pages.render import Page, render
from channels.rasa import BotRefused, BotUnavailable

log = logging.getLogger(__name__)
router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]
MAX_QUESTION = 300
EXAMPLES = (
    "现在农村低保标准是好多？",
    "2019年的低保标准是多少？",
    "基础养老金算不算收入？",
    "屋头老汉儿瘫在床上，能不能单独吃低保？",
    "残疾人护理补贴一个月好多钱？",
    "对低保公示有意见找哪个？",
)


def sender_for(page: Page) -> str:
    return f"helpline-{page.user.username}"


async def ask_assistant(request: Request, *, sender: str, question: str) -> list[str]:
    """The assistant's replies to one question, through the app's Rasa client."""
    rasa = request.app.state.channels.rasa
    replies = await rasa.send(
        sender=sender, text=question, channel="helpline", message_id=f"helpline-{uuid4().hex}"
    )
    return [reply["text"] for reply in replies if reply.get("text")]


@router.get("/helpline")
def helpline_page(request: Request, page: PageUser):
    return render(request, "helpline.html", page, question="", replies=None, examples=EXAMPLES,
                  limit=MAX_QUESTION)  # fmt: skip


@router.post("/helpline")
async def helpline_ask(
    request: Request,
    page: CsrfPage,
    question: Annotated[str, Form(max_length=MAX_QUESTION)] = "",
):
    question = question.strip()
    context = {"question": question, "replies": None, "examples": EXAMPLES, "limit": MAX_QUESTION}
    if not question:
        return render(request, "helpline.html", page, status_code=422, error="请输入问题。",
                      **context)  # fmt: skip
    try:
        context["replies"] = await ask_assistant(
            request, sender=sender_for(page), question=question
        )
    except (BotUnavailable, BotRefused) as error:
        log.warning("helpline page: %s", error)
        return render(request, "helpline.html", page, status_code=503,
                      error="助手暂时没有响应，请稍后再试，或直接查阅政策原文。", **context)  # fmt: skip
    return render(request, "helpline.html", page, **context)
