"""Phone calls (电话): POST /twilio/voice when a call starts, then one signed request per turn.
The resident speaks Mandarin or presses keys (<Gather input="speech dtmf">); the assistant's
replies are said in Mandarin (<Say voice="Polly.Zhiyu">). The conversation is the same as
by SMS for the same number. Each turn answers within Twilio's deadline: when the assistant
is slow the caller hears "please wait" and the call polls twice, then hangs up politely and
the reply goes by SMS. After a silence the question is repeated; after a second, goodbye."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request, Response
from twilio.twiml.voice_response import Gather, VoiceResponse

from api import limits, twilio_forms
from api.deps import TwilioParams
from channels import answers, inbox, wording
from channels.handover import FAILED, ChannelService
from channels.signature import public_url
from core.database import utcnow
from core.phones import conversation_id
from core.settings import Settings

router = APIRouter(prefix="/twilio/voice", tags=["twilio"])

SAY = {"language": "cmn-CN", "voice": "Polly.Zhiyu"}
GATHER = {
    "input": "speech dtmf",
    "language": "cmn-Hans-CN",
    "method": "POST",
    "timeout": 6,
    "speech_timeout": "auto",
    "finish_on_key": "#",
}
WAIT_ROUNDS = 2
FALLBACK_PROMPT = "请问还有什么要办的吗？"


def _url(settings: Settings, path: str, **query: object) -> str:
    return public_url(settings, f"/twilio/voice{path}", urlencode(query))


def _twiml(response: VoiceResponse) -> Response:
    return Response(content=str(response), media_type="application/xml")


def ask(
    settings: Settings, prompt: str, *, turn: int, silence: int = 1, before: str = ""
) -> Response:
    """Say `prompt` and listen; no answer leads to /silence (repeat, then goodbye)."""
    response = VoiceResponse()
    if before:
        response.say(before, **SAY)
    gather = Gather(action=_url(settings, "/turn", turn=turn), **GATHER)
    gather.say(prompt or FALLBACK_PROMPT, **SAY)
    response.append(gather)
    response.redirect(_url(settings, "/silence", turn=turn, count=silence), method="POST")
    return _twiml(response)


def goodbye(text: str) -> Response:
    response = VoiceResponse()
    response.say(text, **SAY)
    response.hangup()
    return _twiml(response)


def please_wait(settings: Settings, *, message_id: int, turn: int, round_: int) -> Response:
    response = VoiceResponse()
    response.say(wording.VOICE_WAIT, **SAY)
    response.redirect(
        _url(settings, "/wait", message=message_id, turn=turn, round=round_), method="POST"
    )
    return _twiml(response)


def caller(params: dict[str, str]) -> str:
    """The conversation id: the caller's number in E.164, as for SMS."""
    phone = conversation_id(params.get("From", ""))
    return phone if phone.startswith("+") else f"call:{params.get('CallSid', '')}"


@router.post(
    "", summary="Twilio's incoming-call webhook (signed)", openapi_extra=twilio_forms.CALL_STARTS
)
async def call_starts(request: Request, params: TwilioParams) -> Response:
    channels: ChannelService = request.app.state.channels
    phone = caller(params)
    last = await channels.db(inbox.last_bot_reply, phone=phone, since=utcnow() - timedelta(days=1))
    prompt = wording.VOICE_RESUME + wording.spoken(last) if last else wording.VOICE_GREETING
    await channels.db(inbox.set_voice_prompt, phone=phone, prompt=prompt)
    return ask(channels.settings, prompt, turn=1)


@router.post(
    "/turn",
    summary="What the caller said or keyed in (signed)",
    openapi_extra=twilio_forms.CALLER_ANSWERS,
)
async def caller_answers(request: Request, params: TwilioParams, turn: int = 1) -> Response:
    channels: ChannelService = request.app.state.channels
    settings = channels.settings
    phone = caller(params)
    text = (params.get("SpeechResult") or "").strip() or (params.get("Digits") or "").strip("#")
    if not text:
        return await silence(request, params, turn=turn, count=1)
    received = await channels.db(
        inbox.receive,
        external_id=f"{params.get('CallSid', '')}:{turn}",
        phone=phone,
        text=text,
        channel="voice",
        reply_via=inbox.ReplyVia.voice,
        helpline=settings.helpline_number,
        cipher=channels.cipher,
    )
    if received.duplicate and received.texts:
        return ask(settings, " ".join(received.texts), turn=turn + 1)
    return await _reply(channels, message_id=received.message_id, phone=phone, turn=turn, round_=0)


@router.post(
    "/wait",
    summary="The caller waits for a slow reply (signed)",
    openapi_extra=twilio_forms.CALL_GOES_ON,
)
async def caller_waits(
    request: Request, params: TwilioParams, message: int, turn: int = 1, round: int = 1
) -> Response:
    channels: ChannelService = request.app.state.channels
    limits.stored_id(message, "message")
    status, texts = await channels.db(
        answers.reply_state, message_id=message, conversation_id=caller(params)
    )
    if status is None:  # no such message of this caller: never another number's replies
        raise HTTPException(404, detail="no such message")
    if status == inbox.InboundStatus.pending.value:
        return await _reply(
            channels, message_id=message, phone=caller(params), turn=turn, round_=round
        )
    if texts:
        return ask(channels.settings, " ".join(texts), turn=turn + 1)
    return goodbye(wording.VOICE_LATER)


async def _reply(
    channels: ChannelService, *, message_id: int, phone: str, turn: int, round_: int
) -> Response:
    settings = channels.settings
    outcome = await channels.wait_for_reply(
        message_id=message_id, phone=phone, deadline=settings.voice_reply_deadline
    )
    if isinstance(outcome, list):
        return ask(settings, " ".join(outcome), turn=turn + 1)
    if outcome != FAILED and round_ < WAIT_ROUNDS:
        return please_wait(settings, message_id=message_id, turn=turn, round_=round_ + 1)
    # The caller was told; the replies go by SMS.
    texts = await channels.give_up(message_id=message_id, notice=None)
    if texts:
        return ask(settings, " ".join(texts), turn=turn + 1)
    return goodbye(wording.VOICE_DOWN if outcome == FAILED else wording.VOICE_LATER)


@router.post(
    "/silence",
    summary="The caller said nothing (signed)",
    openapi_extra=twilio_forms.CALL_GOES_ON,
)
async def silence(
    request: Request, params: TwilioParams, turn: int = 1, count: int = 1
) -> Response:
    channels: ChannelService = request.app.state.channels
    if count >= 2:
        return goodbye(wording.VOICE_GOODBYE)
    prompt = await channels.db(inbox.voice_prompt, phone=caller(params))
    return ask(
        channels.settings,
        prompt or wording.VOICE_GREETING,
        turn=turn,
        silence=2,
        before=wording.VOICE_NOT_HEARD,
    )
