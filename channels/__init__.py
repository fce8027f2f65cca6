"""SMS and voice (短信、电话) over Twilio, and WeChat (微信) and domestic SMS notices in
China, in the order a message travels:

    signature      X-Twilio-Signature checked against PUBLIC_BASE_URL (pure; the 403 is api.deps)
    inbox          stored first, deduplicated, keywords (退订/订阅/帮助) answered here
    leases         one worker per phone number at a time, across processes
    handover       ChannelService: hands a number's messages to Rasa in order, waiting
                   webhooks, the replay loop and the outbox loop (the background workers)
    rasa           Rasa's REST channel client: deadline, failure kinds, tracker look-up
    answers        the assistant's answer recorded once: live (TwiML, voice) or by the outbox
    records        inbound states and the statements built once for the per-message path
    outbox         the outbox (发件箱): enqueue, claims, retries, monotonic statuses
    workers        StoreThreads and the OutboxWorker that sends through ...
    twilio_sender  ... Twilio's Messages API
    wording        what residents read and hear: segments, numbered choices, notices
    models         MessageBase → Message (table), MessagePublic; OutboundMessage,
                   ChannelContact, WechatFollower, NoticeTemplate
    wechat/        the WeChat 公众号: signatures and safe mode, messages, followers, 客服消息
    notices/       notices as templates, the way each goes (WeChat, template SMS, Twilio),
                   the domestic SMS carrier (Aliyun) and its callbacks

Rules: imports ``core`` (settings, database, phones) only — never ``accounts``, ``cases`` or
``api``; a case is known here only as ``case_id``. The per-message store functions commit
their own short transactions (they run in ``StoreThreads``, one session per call);
``outbox.enqueue`` is the exception: it joins the caller's transaction.
"""
