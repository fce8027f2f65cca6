"""What every package stands on: the one settings object (``settings``), the database
engine and sessions (``database``), security primitives (``security``: identity-number
encryption and masking), phone numbers (``phones``) and the county's reference data
(``townships``).

Rules: ``core`` imports nothing of the project (not even ``policy``). Its functions never
commit: a session is handed in and the caller's ``session_scope`` (or the route) commits.
"""
