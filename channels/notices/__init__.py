"""Notices (通知) to residents — filed, 补充材料, decision, review reminder, exit, a staff
question — and the domestic SMS carrier they go by where WeChat cannot reach:

    templates  the carrier's rules (signature, 70 characters, parameters) checked, pure
    store      notices queued in the outbox; the template table county staff keep
    routing    the way a notice (or a late WeChat reply) goes, chosen when it is sent:
               WeChat inside its window, else template SMS, else Twilio; kept on the row
    carrier    what a template-SMS carrier does (send, its refusals): the adapter's shape
    aliyun     ... Aliyun's SMS API (SendSms), the first carrier
    callbacks  the carrier's delivery receipts and replies (上行) read and recorded

Rules as for `channels`: imports ``core`` only; a case is known here only as ``case_id``
(the notice's text and parameters come from ``cases.notices``). ``store.enqueue_notice``
joins the caller's transaction; the rest commit their own.
"""
