"""WeChat 公众号 (微信): the conversation channel in mainland China, in the order a message
travels:

    signature  WeChat's signatures (server check, every request, safe mode's msg_signature)
               and safe mode's encryption, through wechatpy (pure; the 403 is api.routes)
    messages   a request's XML read into what the channel needs; the passive reply built
    followers  the resident known by OpenID (encrypted, hashed), a pseudonymous conversation
               id, the 48-hour window of 客服消息, the phone number that links them
    sender     the customer-service message API (客服消息) the outbox sends through

The inbox, the per-resident lease, the hand-over to Rasa and the outbox are the SMS
channel's (`channels.inbox`, `leases`, `handover`, `outbox`): a follower's conversation id
takes the place of a phone number there. Rules as for `channels`: imports ``core`` only.
"""
