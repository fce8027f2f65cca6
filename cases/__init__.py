"""The case file (案卷) and the procedure at the township window (一门受理):

    models       the tables (Case, Applicant, household revisions, assessments, the
                 procedure's transitions, programme index, dated parameter values, audit);
                 CaseBase and ApplicantBase, the bases of the tables and their public shapes
    shapes       every response shape the case file is read in (CasePublic, QueuePage,
                 CaseHistory, Dashboard, AuditPage …)
    filing       立案: a resident's application filed as a case
    assessment   the application assessed as given (unknown facts → 需核实); programme index
    revisions    household facts revised on the visit (入户调查) and assessed again
    procedure    the state machine 受理 → 入户调查 → 民主评议 → 公示 → 审批, pauses, 复查
    reviews      review cycles by class (分类施保)
    notices      the notices a case sends its applicant (受理, 补充材料, decision, 复查, 退出)
    casefile     the whole case for staff: history, revisions, messages
    queue        the staff queue: filters, search, keyset pages
    access       who may see which case; the one township-scoping rule
    parameters   dated parameter values added by county staff
    audit        the audit log (审计日志)
    reports/     dashboard counts, reviews falling due, 公示 lists (CSV, XLSX)
    migrations/  Alembic revisions for every package's tables

Rules: imports ``core``, ``policy``, ``accounts`` (User, Role) and ``channels`` (the
conversation's messages; the outbox to ask an applicant) — never ``api`` or ``actions``.
Data functions are keyword-only, take a session and never commit: the caller (a route,
an action's ``session_scope``, the CLI) owns the transaction. Refused input raises the
project's ``InputError`` (``field``, ``message``).
"""
