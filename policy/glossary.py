"""The one glossary of Chinese labels (用语): one thing has one word on every page, in every
SMS and in every API label. The rules engine's reasons use it, the staff pages' filters
and the API's ``*_label`` fields read it, and so do the 公示 lists.

It lives in ``policy`` because ``policy`` imports nothing of the project and everything
else may import ``policy``; labels of things the rules engine does not know (procedure
steps, roles, channels) are keyed by their stored values, and a test checks that every
value has its word. (The conversation in ``actions/`` still keeps its own texts.)
"""

from __future__ import annotations

#: 救助项目: every programme of the Assessment, in POLICY.md's order.
PROGRAMMES = {
    "dibao": "农村低保",
    "separate_household_dibao": "分户纳入低保",
    "classified_supplement": "分类重点救助金",
    "registered_poor_referral": "整户纳入建档立卡",
    "medical_assistance": "医疗救助",
    "temporary_assistance": "临时救助",
    "disability_living_subsidy": "困难残疾人生活补贴",
    "disability_care_subsidy": "重度残疾人护理补贴",
    "charity_referral": "慈善救助",
    "dibao_exit": "退出低保",
}
#: A programme's verdict (``status`` of a programme result).
VERDICTS = {
    "eligible": "符合条件",
    "needs_review": "需核实",
    "ineligible": "不符合条件",
    "not_applicable": "不适用",
}
#: The route to 低保 (收入型 or 支出型贫困).
ROUTES = {"income": "收入型", "expenditure": "支出型贫困"}
#: Items of medical assistance.
MEDICAL_ITEMS = {
    "insurance_premium_subsidy": "医保个人缴费补贴",
    "major_disease_assistance": "重特大疾病医疗救助",
    "out_of_catalogue_fund": "扶贫济困医疗救助基金",
    "illness_poverty_insurance": "因病致贫资助参保",
}
#: A member's relation to the applicant (common ``relation`` values).
RELATIONS = {
    "applicant": "申请人",
    "spouse": "配偶",
    "child": "子女",
    "son": "儿子",
    "daughter": "女儿",
    "parent": "父母",
    "father": "父亲",
    "mother": "母亲",
    "grandchild": "孙子女",
    "grandparent": "祖父母",
    "sibling": "兄弟姐妹",
}
#: 突发困难: ``hardship.kind`` (one word each: the pages said 自然灾害, the reasons 灾害).
HARDSHIPS = {
    "accident": "意外事故",
    "illness": "家庭成员重病",
    "disaster": "自然灾害",
    "other": "其他突发困难",
}
#: 三保障: ``three_guarantees_unmet``.
GUARANTEES = {"education": "义务教育", "medical": "基本医疗", "housing": "住房安全"}
#: The procedure's steps (``Case.status``).
PROCEDURE_STEPS = {
    "received": "受理",
    "visited": "入户调查",
    "appraised": "民主评议",
    "publicised": "公示",
    "approved": "审批通过",
    "rejected": "不予批准",
    "info_requested": "需补充材料",
    "callback_requested": "已转人工",
    "exited": "已退出低保",
}
#: Staff roles (``User.role``).
ROLES = {"county_admin": "县级管理员", "township_staff": "乡镇窗口", "helpline": "热线"}
#: Where a case or message came from (``Case.channel``, ``Message.channel``).
CHANNELS = {"chat": "网页对话", "sms": "短信", "voice": "电话", "staff": "窗口",
            "crosscheck": "信息比对", "wechat": "微信", "wechat_voice": "微信语音"}  # fmt: skip
#: How a message to a resident went (``OutboundMessage.channel``).
OUTBOUND_CHANNELS = {"sms": "短信", "wechat": "微信客服消息", "template_sms": "模板短信",
                     "notice": "待发送"}  # fmt: skip
#: The notices residents receive (``NoticeTemplate.kind``).
NOTICE_KINDS = {"filed": "受理通知", "info_requested": "补充材料通知", "staff_question": "工作人员提问",
                "approved": "批准通知", "rejected": "不予批准通知", "review_reminder": "复查提醒",
                "review_no_reply": "复查未回复提醒", "exit": "退出通知",
                "roster_cover": "比对：可能应保未保", "roster_register": "比对：可能应纳未纳",
                "roster_report": "比对：请报告变化",
                "wechat_reply_waiting": "微信留言答复提醒"}  # fmt: skip
#: Where a notice template stands with the SMS carrier (``NoticeTemplate.state``).
TEMPLATE_STATES = {"unregistered": "未报备", "pending": "审核中", "approved": "已通过",
                   "rejected": "未通过"}  # fmt: skip
#: Who gave a household revision (``HouseholdRecord.source``).
SOURCES = {"resident": "申请人自述", "visit": "入户调查", "staff": "工作人员", "review": "复查",
           "crosscheck": "信息比对", "monitoring": "返贫监测"}  # fmt: skip
#: 信息比对 (三(三)1): what the cross-check of the two rosters finds. The words are the stored
#: values and the JSON's ``category``, as the county says them.
ROSTER_FINDINGS = ("应保未保", "应扶未扶", "应退未退", "信息不一致")
#: The two rosters (``roster`` of a finding).
ROSTERS = {"dibao": "低保名单", "registered_poor": "建档立卡名单"}
#: The kinds of 信息不一致 (``kind`` of a finding).
INCONSISTENCIES = {
    "bad_id": "身份证号有误",
    "name_mismatch": "同一身份证号姓名不同",
    "two_households": "同一身份证号在两户",
    "household_fields": "同户信息不一致",
}
#: What staff found on a finding (stored as the words).
ROSTER_OUTCOMES = ("核实中", "已纳入", "不符合条件", "已退出")

#: 未处理的短信: what became of a message the assistant did not answer (channels' states).
MESSAGE_STATES = {"reply": "居民回复的短信", "failed": "助手未能处理", "limited": "发送过于频繁，未转给助手",
                  "resolved": "已处理"}  # fmt: skip

# 动态管理 (cases.dynamic): reviews, exits and monitoring.
#: A review's states (``Review.status``).
REVIEW_STATES = {"planned": "待发送", "asked": "已询问", "reminded": "已提醒",
                 "answered": "已回复待决定", "no_reply": "未回复（需走访）",
                 "decided": "已决定"}  # fmt: skip
#: What staff decide on a review (``Review.decision``).
REVIEW_DECISIONS = {"continue": "继续保障", "change": "调整金额或类别", "exit": "退出低保"}
#: Why a household leaves 低保 (退出低保, 三(三)2 应退则退).
EXIT_REASONS = {"income_above_standard": "家庭人均收入超过低保标准",
                "member_died": "家庭成员死亡后不再符合条件", "moved_away": "已迁出本县",
                "by_request": "本人申请退出", "ineligible_on_review": "复查后不再符合条件"}  # fmt: skip
#: 返贫监测: the events recorded on a household (``MonitoringEvent.kind``).
MONITORING_EVENTS = {"illness": "重病", "accident": "意外事故", "disaster": "自然灾害",
                     "job_loss": "失业或断了收入", "other": "其他突发困难"}  # fmt: skip
