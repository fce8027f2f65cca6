"""What the resident may ask at any point: why a question is asked, start again, talk to a
person, how an application stands."""

from __future__ import annotations

import logging
import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session, col, select

from actions import policy_terms
from actions.application import sender_phone
from actions.replies import window_and_helpline
from actions.slots import APPLICATION_SLOTS
from actions.store import identity_cipher, store_engine
from cases import filing, procedure
from cases.models import Applicant, Case, CaseStatus
from core.database import session_scope

log = logging.getLogger(__name__)
REFERENCE = re.compile(r"FJ[2-9A-HJ-NP-Z]{6}", re.IGNORECASE)
STATUS_WORDS = {
    CaseStatus.received: "已受理，等待入户调查",
    CaseStatus.visited: "已入户调查，等待村民主评议",
    CaseStatus.appraised: "已评议，等待公示",
    CaseStatus.publicised: "正在公示",
    CaseStatus.approved: "已审批通过",
    CaseStatus.rejected: "未获批准，原因会另行告知",
    CaseStatus.info_requested: "需要补充材料，请留意短信",
    CaseStatus.callback_requested: "已安排工作人员回电",
    CaseStatus.exited: "已退出低保",
}


class ActionExplainQuestion(Action):
    """ "为什么要问这个?": why the question being asked matters."""

    def name(self) -> str:
        return "action_explain_question"

    def run(self, dispatcher, tracker, domain):
        requested = tracker.get_slot("requested_slot")
        response = f"utter_why_{requested}"
        if requested and response in domain.get("responses", {}):
            dispatcher.utter_message(response=response)
        else:
            dispatcher.utter_message(response="utter_why_general")
        return []


# "你说啥子 再说一遍", "没听清", "大声点": the question again, not a goodbye.
_SAY_AGAIN = re.compile(
    r"(再说一[遍次]|再讲一[遍次]|再念一[遍次]|重说|没听清|听不清|听不到|没听到|大声点|说慢点|慢点说|"
    r"你说啥|你说什么|说的啥|啥子喃|啥意思|什么意思)"
)


class ActionPauseApplication(Action):
    """A goodbye in the middle of the application: the answers are kept until the resident
    comes back, told in the words of the medium (a caller calls back). A request to say the
    question again, which the NLU may take for a goodbye, gets the question again."""

    def name(self) -> str:
        return "action_pause_application"

    def run(self, dispatcher, tracker, domain):
        text = (tracker.latest_message or {}).get("text") or ""
        if _SAY_AGAIN.search(text):
            return [FollowupAction("application_form")]
        voice = tracker.get_slot("medium") == "voice"
        dispatcher.utter_message(
            response="utter_application_paused_voice" if voice else "utter_application_paused"
        )
        return []


class ActionResetApplication(Action):
    """ "重新开始": forget the answers (not the consent) and start the questions again."""

    def name(self) -> str:
        return "action_reset_application"

    def run(self, dispatcher, tracker, domain):
        keep = {"consent"}
        return [SlotSet(slot, None) for slot in APPLICATION_SLOTS if slot not in keep] + [
            SlotSet("requested_slot", None)
        ]


# "转人工", "我要找人工", "叫个工作人员给我打电话": a person asked for in so many words
_ASKS_FOR_A_PERSON = re.compile(
    r"(人工|真人|工作人员|客服|干部[^，。]{0,4}(?:打|回)|打[^，。]{0,4}电话给我|回[个一]?电话|找[个一]?人)"
)


class ActionHandoff(Action):
    """ "转人工": flag the resident's case for a call-back, or file what was said so far as a
    call-back request, and give the township window and the helpline."""

    def name(self) -> str:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain):
        text = tracker.latest_message.get("text") or ""
        if tracker.active_loop_name is None and _ASKS_FOR_A_PERSON.search(text) is None:
            from actions.first_message import wants_to_apply  # (it imports this package)

            if wants_to_apply(text):
                # "我帮我爸问一下低保 他…摔下来 腰杆以下都没得知觉了": a story told for someone,
                # not a request for a person: the application, which keeps what it told
                return [FollowupAction("action_start_application")]
        phone = sender_phone(tracker)
        township = tracker.get_slot("township")
        flagged = False
        try:
            with session_scope(store_engine()) as session:
                case = latest_case(session, phone) if phone else None
                if case is not None:
                    procedure.request_callback(session, case, actor="resident")
                    township = township or case.township
                    flagged = True
                elif township and tracker.get_slot("consent"):
                    from actions.application import transcript

                    filing.file_case(
                        session,
                        cipher=identity_cipher(),
                        name=tracker.get_slot("applicant_name") or "（未留姓名）",
                        township=township,
                        phone=phone,
                        facts={
                            "partial": True,
                            "household_size": tracker.get_slot("household_size"),
                        },
                        conversation_id=tracker.sender_id,
                        handoff_requested=True,
                        transcript=transcript(tracker),
                    )
                    flagged = True
        except Exception:
            log.exception("handoff could not be recorded")
        if flagged:
            dispatcher.utter_message(
                text="好的，已请工作人员给您回电话，请保持电话畅通。"
                + window_and_helpline(township)
            )
        elif tracker.active_loop_name is None and policy_terms.strong_topic(
            tracker.latest_message.get("text") or ""
        ):
            # "政府打电话说我收入超标了，这个收入是何人的收入": nothing to call back about,
            # a question in the policy's own terms — its answer, which names the window.
            return _policy_answer(dispatcher, tracker)
        else:
            dispatcher.utter_message(
                text="好的，请找工作人员帮您。" + window_and_helpline(township)
            )
        return [ActiveLoop(None), SlotSet("requested_slot", None)]


# What a question about how an application stands says ("查进度", "批了没有", "FJ…").
_ASKS_AMOUNT = re.compile(r"(好多|多少|几多|几百)(?:钱|补助|补贴)?")
_ASKS_STATUS = re.compile(
    r"(进度|结果|批|审|查|到哪|怎么样|咋样|咋个样|消息|编号|办得|办了没|办下来|下来没|有没有下来|"
    r"好久|多久|什么时候|啥时候|几时|状态)"
)


class ActionCheckStatus(Action):
    """ "查进度": how the applications of this phone number stand. Only that number's cases
    are told, whatever reference is typed."""

    def name(self) -> str:
        return "action_check_status"

    def run(self, dispatcher, tracker, domain):
        phone = sender_phone(tracker)
        text = tracker.latest_message.get("text") or ""
        wanted = REFERENCE.search(text)
        lines = self._status_lines(phone, wanted) if phone else []
        if lines:
            dispatcher.utter_message(text="您的申请：" + "；".join(lines) + "。")
        elif not wanted and (
            policy_terms.strong_topic(text)
            or not _ASKS_STATUS.search(text)
            or (_ASKS_AMOUNT.search(text) and policy_terms.topic_by_terms(text))
        ):
            # no case to tell: a complaint, a statement the NLU took for a status question, or
            # what a scheme pays ("残疾证办下来了一个月有好多补助")
            return _policy_answer(dispatcher, tracker)
        elif phone is None:
            dispatcher.utter_message(text="请用申请时的手机号发短信查询进度。")
        elif wanted:
            dispatcher.utter_message(text="这个手机号下没有这个编号的申请，请核对编号。")
        else:
            dispatcher.utter_message(text="这个手机号还没有申请记录。要申请请回“申请”。")
        return []

    @staticmethod
    def _status_lines(phone: str, wanted) -> list[str]:
        with session_scope(store_engine()) as session:
            query = (
                select(Case)
                .join(Applicant, Applicant.id == Case.applicant_id)
                .where(Applicant.phone == phone)
                .order_by(col(Case.created_at).desc())
                .limit(3)
            )
            if wanted:
                query = query.where(Case.reference == wanted.group(0).upper())
            return [f"{c.reference}：{STATUS_WORDS[c.status]}" for c in session.exec(query).all()]


def _policy_answer(dispatcher, tracker) -> list:
    """ "为啥他评上了我没评上" taken for a status question with no case to tell: a complaint
    or a named term of the policy, answered as the helpline answers it (how to object …)."""
    from actions.helpline import reply_to  # the helpline imports this module's peers

    return reply_to(dispatcher, tracker, asked=False)


def latest_case(session: Session, phone: str) -> Case | None:
    return session.exec(
        select(Case)
        .join(Applicant, Applicant.id == Case.applicant_id)
        .where(Applicant.phone == phone)
        .order_by(col(Case.created_at).desc())
    ).first()
