"""Staff accounts (工作人员账户): the account table and its public shape (``models``), the one
password hasher and the one password policy (``passwords``), creating and signing in
(``users``), county administration of accounts (``administration``), staff page sessions
(``sessions``) and API bearer tokens (``tokens``).

Rules: imports ``core`` and ``policy`` only (never ``channels``, ``cases`` or ``api``).
Data functions take a session and never commit; the caller (a route, the CLI) does.
Refused input raises ``UserError``, the project's ``InputError`` with ``field`` and
``message``.
"""
